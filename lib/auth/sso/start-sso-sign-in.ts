// Starts a single sign-on: a fresh state, nonce and PKCE verifier, kept server-side (the state as a
// keyed hash, the nonce and verifier encrypted) for 10 minutes, and bound to this browser by a
// random token that only the browser holds (in an HttpOnly cookie; the row keeps its hash).
import * as oidc from "openid-client";
import { encryptString, keyedHash, randomToken } from "../../crypto.ts";
import { db } from "../../db.ts";
import { consumeRateLimit } from "../../security/rate-limit.ts";
import { staffAddressLimit } from "../../security/staff-address-limit.ts";
import { ssoClientConfiguration } from "./sso-client.ts";
import { SsoRefusal } from "./sso-refusal.ts";
import type { SsoSettings } from "./sso-settings.ts";

export const SSO_ATTEMPT_MINUTES = 10;

export async function startSsoSignIn(options: { settings: SsoSettings; address: string; now?: Date }) {
  const now = options.now ?? new Date();
  await consumeRateLimit(staffAddressLimit("staff-sso-start-address"), options.address, now);
  const configuration = await ssoClientConfiguration(options.settings).catch(() => {
    throw new SsoRefusal("provider-unreachable");
  });
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = randomToken();
  await db().staffSsoAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().staffSsoAttempt.create({
    data: {
      stateHash: ssoStateHash(state),
      browserHash: ssoBrowserHash(browserToken),
      nonceEncrypted: encryptString(nonce, "staff-sso"),
      codeVerifierEncrypted: encryptString(codeVerifier, "staff-sso"),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SSO_ATTEMPT_MINUTES * 60_000),
    },
  });
  const authorizationUrl = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: options.settings.redirectUri,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    // Providers that take the claims parameter are asked for the authentication methods (RFC 8176)
    // in the ID token, which decide whether the local second factor is still owed.
    ...(configuration.serverMetadata().claims_parameter_supported ? { claims: JSON.stringify({ id_token: { amr: null } }) } : {}),
  });
  return { authorizationUrl, browserToken, expiresAt: new Date(now.getTime() + SSO_ATTEMPT_MINUTES * 60_000) };
}

export function ssoStateHash(state: string): string {
  return keyedHash("staff-sso-state", state);
}

export function ssoBrowserHash(token: string): string {
  return keyedHash("staff-sso-browser", token);
}
