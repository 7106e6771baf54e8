// The OpenID Connect client (openid-client 6): the provider's metadata is discovered once per
// process and kept. The portal talks to the issuer directly, not through the connectors' address
// guard: the issuer is the operator's own configuration. Plain http is allowed only for a loopback
// issuer (tests), which lib/env.ts already enforces.
import * as oidc from "openid-client";
import type { SsoSettings } from "./sso-settings.ts";

let cached: { key: string; configuration: Promise<oidc.Configuration> } | null = null;

export function ssoClientConfiguration(settings: SsoSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer.href}\n${settings.clientId}\n${settings.clientSecret}`;
  if (cached?.key !== key) {
    const configuration = oidc.discovery(
      settings.issuer,
      settings.clientId,
      { redirect_uris: [settings.redirectUri], response_types: ["code"] },
      oidc.ClientSecretBasic(settings.clientSecret),
      settings.issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    cached = { key, configuration };
    // A provider that could not be reached is asked again at the next sign-in.
    configuration.catch(() => {
      if (cached?.configuration === configuration) cached = null;
    });
  }
  return cached.configuration;
}
