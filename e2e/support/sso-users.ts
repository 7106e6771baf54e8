// The people of the end-to-end stack's test identity provider (tests/support/oidc-provider.ts,
// started by server.ts). The database is new for each run, so their fixed emails are free.
import type { OidcTestUser } from "../../tests/support/oidc-provider.ts";

export const ssoButtonLabel = "Sign in with Test IdP";
export const ssoButtonLabelFr = "Se connecter avec Test IdP";

export const ssoUsers = {
  /** Has a staff account (made by the spec) and signs in with multi-factor at the provider. */
  agentWithMfa: { email: "sso.agent@staff.example.test", password: "idp passphrase one", amr: ["pwd", "mfa"] },
  /** No account, and a group that maps to no role. */
  stranger: { email: "sso.stranger@staff.example.test", password: "idp passphrase two", amr: ["pwd"], groups: ["marketing"] },
} satisfies Record<string, OidcTestUser>;
