// Staff lists, the API's lists and evidence bundles show whose request it is without spelling out
// the address: enough to tell two people apart at a glance (c***@example.com), not enough to copy
// an address off the screen. Plain ASCII, so it reads the same in a CSV, JSON or a terminal.

/** The first character of the local part, a fixed mask (it says nothing about length), the domain. */
export function maskEmail(email: string): string;
export function maskEmail(email: string | null): string | null;
export function maskEmail(email: string | null): string | null {
  if (email === null) return null;
  const at = email.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}
