// The per-address limit on staff sign-in tries (password, single sign-on start, invitation), one
// setting for all three so an office behind one address can raise it in one place.
import { env } from "../env.ts";
import type { RateLimitRule } from "./rate-limit.ts";

export function staffAddressLimit(name: "staff-sign-in-address" | "staff-sso-start-address" | "staff-invite-address"): RateLimitRule {
  return { name, limit: env().STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN, windowSeconds: 900 };
}
