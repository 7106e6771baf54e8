// Reads what the portal sent from the mail catcher's HTTP API.
export type CaughtEmail = { id: string; to: string[]; subject: string; text: string; html: string; receivedAt: string };

export async function listEmails(catcherUrl: string, to?: string): Promise<CaughtEmail[]> {
  const url = new URL("/api/messages", catcherUrl);
  if (to) url.searchParams.set("to", to);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return (await response.json()) as CaughtEmail[];
}

export async function waitForEmail(
  catcherUrl: string,
  to: string,
  matches: (email: CaughtEmail) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<CaughtEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await listEmails(catcherUrl, to)).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching email to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export function codeIn(email: CaughtEmail): string {
  const match = email.text.match(/\b(\d{6})\b/);
  if (!match) throw new Error("no 6-digit code in the email");
  return match[1];
}

export function linkIn(email: CaughtEmail, kind: "verify" | "status"): string {
  const match = email.text.match(new RegExp(`https?://[^\\s)\\]>"]+/(en|fr)/${kind}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${kind} link in the email`);
  return match[0];
}

export function tokenOf(link: string): string {
  return link.split("/").pop() as string;
}
