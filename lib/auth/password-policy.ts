// What a staff password must be: long enough, not the email, not one of the most common choices.
// (NIST SP 800-63B: length and a blocklist, no composition rules.)
const MIN_LENGTH = 12;
const MAX_LENGTH = 200;

const common = new Set([
  "123456789012",
  "password1234",
  "passwordpassword",
  "qwertyuiop12",
  "qwertyuiopasdf",
  "iloveyou1234",
  "letmein12345",
  "administrator",
  "welcome12345",
  "changeme1234",
  "aaaaaaaaaaaa",
  "abcdefghijkl",
  "abc123abc123",
  "111111111111",
  "000000000000",
  "motdepasse123",
  "azertyuiop12",
]);

/** The problem with a proposed password, in words a person understands, or null when it is fine. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_LENGTH) return `The password must be at least ${MIN_LENGTH} characters long.`;
  if (password.length > MAX_LENGTH) return `The password must be at most ${MAX_LENGTH} characters long.`;
  const lowered = password.toLowerCase();
  if (lowered === email.trim().toLowerCase() || lowered === email.split("@")[0]?.toLowerCase()) {
    return "The password must not be your email address.";
  }
  if (common.has(lowered) || new Set(lowered).size <= 2) return "This password is too common: choose another one.";
  return null;
}
