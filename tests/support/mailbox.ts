// Reads what the portal sent from the mail catcher's HTTP API.
export type CaughtEmail = { id: string; to: string[]; subject: string; text: string; html: string; receivedAt: string };

export async function listEmails(catcherUrl: string, to?: string): Promise<CaughtEmail[]> {
  const url = new URL("/api/messages", catcherUrl);
  if (to) url.searchParams.set("to", to);
  const response = await getWithRetry(url);
  if (!response.ok) throw new Error(`mail catcher answered ${response.status}`);
  return (await response.json()) as CaughtEmail[];
}

/**
 * A GET, sent again when the connection was closed under it: fetch reuses a kept-alive socket that
 * the catcher's server may close at the same moment ("other side closed"), which a loaded machine
 * makes likely. Reading the inbox has no side effect, so a second try is always safe.
 */
async function getWithRetry(url: URL, tries = 3): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      if (attempt >= tries || !(error instanceof TypeError)) throw error;
    }
  }
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
