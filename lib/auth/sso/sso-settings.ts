// Single sign-on's configuration, from the environment (lib/env.ts checks each variable): null when
// OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set.
import { env } from "../../env.ts";
import type { Locale } from "../../i18n/catalogue.ts";

export type StaffRoleName = "ADMIN" | "AGENT" | "AUDITOR";

export type SsoSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The claim whose values map to roles (e.g. groups), with the map in the order it was written. */
  roleClaim: string | null;
  roleMap: Array<{ value: string; role: StaffRoleName }>;
  /** The button's text per language, where the operator set one (the page has its own otherwise). */
  buttonLabels: Partial<Record<Locale, string>>;
  /** Staff passwords are refused, except a one-time password given by `npm run admin`. */
  only: boolean;
  /** Where the provider sends the browser back. */
  redirectUri: string;
};

export function ssoSettings(): SsoSettings | null {
  const config = env();
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: new URL(config.OIDC_ISSUER),
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    roleClaim: config.OIDC_ROLE_CLAIM ?? null,
    roleMap: config.OIDC_ROLE_MAP,
    buttonLabels: { en: config.OIDC_BUTTON_LABEL, fr: config.OIDC_BUTTON_LABEL_FR },
    only: config.OIDC_ONLY,
    redirectUri: new URL("/staff/sso/callback", config.APP_URL).toString(),
  };
}
