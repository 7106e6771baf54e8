// What a staff password must be: long enough, not the email, not one of the most common choices.
// (NIST SP 800-63B: length and a blocklist, no composition rules.)
import type { MessageRef } from "../errors.ts";

export const PASSWORD_MIN_LENGTH = 12;
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

/** The problem with a proposed password, as a catalogue message (staffAuth.password.*), or null when it is fine. */
export function passwordProblem(password: string, email: string): MessageRef | null {
  if (password.length < PASSWORD_MIN_LENGTH) return { key: "staffAuth.password.tooShort", values: { min: PASSWORD_MIN_LENGTH } };
  if (password.length > MAX_LENGTH) return { key: "staffAuth.password.tooLong", values: { max: MAX_LENGTH } };
  const lowered = password.toLowerCase();
  if (lowered === email.trim().toLowerCase() || lowered === email.split("@")[0]?.toLowerCase()) {
    return { key: "staffAuth.password.isEmail" };
  }
  if (common.has(lowered) || new Set(lowered).size <= 2) return { key: "staffAuth.password.tooCommon" };
  return null;
}
