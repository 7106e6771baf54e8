// Recovery codes for a lost authenticator: ten single-use codes, shown once, stored as keyed hashes.
import { randomInt } from "node:crypto";
import { keyedHash } from "../crypto.ts";

const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

export function generateRecoveryCodes(count = 10): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => alphabet[randomInt(0, alphabet.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  return { codes, hashes: codes.map(recoveryCodeHash) };
}

export function recoveryCodeHash(code: string): string {
  return keyedHash("recovery-code", normaliseRecoveryCode(code));
}

export function normaliseRecoveryCode(code: string): string {
  const compact = code.trim().toLowerCase().replace(/[\s-]/g, "");
  return compact.length === 10 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}

/** Codes look like "abcde-fghjk"; TOTP codes are 6 digits. */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(input.trim().replace(/\s/g, ""));
}
