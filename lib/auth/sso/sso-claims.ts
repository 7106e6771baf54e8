// What the portal reads in the provider's ID token: multi-factor (RFC 8176 `amr` values) and the
// role its claim maps to.
import type { SsoSettings, StaffRoleName } from "./sso-settings.ts";

// RFC 8176 methods that are a second factor, or several factors in themselves.
const MULTI_FACTOR_METHODS = new Set(["mfa", "mca", "otp", "hwk", "swk", "sms", "tel", "fpt", "face", "iris", "retina", "vbm", "sc"]);

/** True when the provider asserts the person passed multi-factor authentication. */
export function assertsMultiFactor(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((method) => typeof method === "string" && MULTI_FACTOR_METHODS.has(method));
}

/** The role the claim maps to: the first entry of the map whose value the claim holds; null when none does. */
export function mappedRole(claims: Record<string, unknown>, settings: Pick<SsoSettings, "roleClaim" | "roleMap">): StaffRoleName | null {
  if (!settings.roleClaim || settings.roleMap.length === 0) return null;
  const claim = claims[settings.roleClaim];
  const values = new Set((Array.isArray(claim) ? claim : [claim]).filter((value): value is string => typeof value === "string"));
  return settings.roleMap.find((entry) => values.has(entry.value))?.role ?? null;
}
