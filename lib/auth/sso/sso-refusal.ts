// Why a single sign-on was refused: a short code (audited with `staff.sign-in-failed`, and carried
// to /staff/sso/refused in the address) and the sentence the person reads there.
export const ssoRefusalMessages = {
  "not-configured": "Single sign-on is not set up on this portal.",
  "attempt-unknown": "This sign-in link was already used or has expired. Start again from the sign-in page.",
  "browser-mismatch": "This sign-in was started in another browser. Start again from the sign-in page, in this browser.",
  "provider-refused": "Your identity provider did not sign you in. Start again, or ask your administrator.",
  "code-rejected": "Your identity provider no longer accepts this sign-in (it expired or was already used). Start again.",
  "issuer-mismatch": "The answer did not come from the identity provider this portal trusts. Start again.",
  "nonce-mismatch": "The answer of the identity provider does not belong to this sign-in. Start again.",
  "token-invalid": "The answer of the identity provider could not be verified. Start again, or ask your administrator.",
  "provider-unreachable": "The identity provider could not be reached. Try again in a moment.",
  "email-missing": "Your identity provider did not share your email address, so your staff account cannot be found.",
  "email-not-verified": "Your identity provider has not verified your email address, so it cannot be used to sign in here.",
  "no-account": "There is no staff account for your email address. Ask an administrator to invite you.",
  "account-disabled": "Your staff account is disabled. Ask an administrator.",
  "rate-limited": "Too many sign-in attempts from your network. Wait a few minutes and try again.",
  "account-locked": "Your staff account is locked after too many wrong two-factor codes. Try again later, or ask an administrator.",
} as const;

export type SsoRefusalReason = keyof typeof ssoRefusalMessages;

export function isSsoRefusalReason(value: unknown): value is SsoRefusalReason {
  return typeof value === "string" && Object.hasOwn(ssoRefusalMessages, value);
}

export class SsoRefusal extends Error {
  constructor(readonly reason: SsoRefusalReason) {
    super(ssoRefusalMessages[reason]);
    this.name = "SsoRefusal";
  }
}
