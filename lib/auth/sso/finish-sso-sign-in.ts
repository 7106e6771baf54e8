// The callback of a single sign-on. The attempt is claimed once (a replayed or expired state finds
// nothing), must belong to this browser, and the provider's answer is checked by openid-client
// (issuer, state, PKCE, ID token signature, audience, nonce). Then only invited or mapped people get
// in: an existing, enabled account with the provider's verified email, or — when the role claim maps
// to a role — a new account, created and audited. The session is the one a password opens
// (createStaffSession), with its stages; the local second factor is skipped only when the provider
// asserts multi-factor authentication. Every refusal is audited as `staff.sign-in-failed` with its
// reason (no email in clear) and thrown as an SsoRefusal.
import * as oidc from "openid-client";
import { decryptString, keyedHash, normaliseEmail, randomToken } from "../../crypto.ts";
import { db, type Tx } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { appendAuditEvent } from "../../evidence/append-audit-event.ts";
import { lockStaffUser, refuseLastActiveAdmin } from "../../staff-users/staff-admins.ts";
import { createStaffSession } from "../create-staff-session.ts";
import { hashPassword } from "../password.ts";
import { classifySsoError } from "./classify-sso-error.ts";
import { assertsMultiFactor, mappedRole } from "./sso-claims.ts";
import { ssoClientConfiguration } from "./sso-client.ts";
import { SsoRefusal, type SsoRefusalReason } from "./sso-refusal.ts";
import type { SsoSettings, StaffRoleName } from "./sso-settings.ts";
import { ssoBrowserHash, ssoStateHash } from "./start-sso-sign-in.ts";

type Refusal = { reason: SsoRefusalReason; userId?: string | null; emailHash?: string };

export async function finishSsoSignIn(options: {
  settings: SsoSettings;
  /** The query string the provider sent the browser back with. */
  search: string;
  /** The token of the browser's short-lived cookie, if it sent one. */
  browserToken: string | undefined;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const outcome = await checkAnswer(options.settings, options.search, options.browserToken, now).catch((error: unknown) => {
    if (error instanceof SsoRefusal) return { reason: error.reason } satisfies Refusal;
    return { reason: classifySsoError(error) } satisfies Refusal;
  });
  if ("reason" in outcome) return refuse(outcome);
  const claims = outcome.claims;
  const email = typeof claims.email === "string" ? normaliseEmail(claims.email) : "";
  if (!email) return refuse({ reason: "email-missing" });
  const emailHash = keyedHash("staff-sign-in-email", email);
  if (claims.email_verified !== true) return refuse({ reason: "email-not-verified", emailHash });
  const identityProviderMfa = assertsMultiFactor(outcome.amr);
  const role = mappedRole(claims, options.settings);

  const placeholderHash = await hashPassword(randomToken(32));
  const account = await db().$transaction(async (tx: Tx): Promise<Refusal | { userId: string; reason?: undefined }> => {
    let user = await tx.staffUser.findUnique({ where: { email } });
    if (!user) {
      if (!role) return { reason: "no-account", emailHash } satisfies Refusal;
      // Created for the provider's mapped group; no password of its own (an unusable hash).
      user = await tx.staffUser.create({ data: { email, role, passwordHash: placeholderHash, mustChangePassword: true } });
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM" },
        action: "staff.created-by-single-sign-on",
        data: { userId: user.id, role, claim: options.settings.roleClaim },
      });
    }
    if (user.disabledAt) return { reason: "account-disabled", userId: user.id, emailHash } satisfies Refusal;
    if (user.lockedUntil && user.lockedUntil > now) return { reason: "account-locked", userId: user.id, emailHash } satisfies Refusal;
    if (role && role !== user.role) await followMappedRole(tx, user.id, role);
    if (user.inviteTokenHash) {
      // Signing in through the company's provider accepts the invitation: its link stops working.
      await tx.staffUser.update({ where: { id: user.id }, data: { inviteTokenHash: null, inviteExpiresAt: null } });
      await appendAuditEvent(tx, {
        actor: { type: "STAFF", id: user.id },
        action: "staff.invite-accepted",
        data: { by: "single-sign-on" },
      });
    }
    await appendAuditEvent(tx, {
      actor: { type: "STAFF", id: user.id },
      action: "staff.signed-in",
      data: { method: "single-sign-on", identityProviderMfa, secondFactorPending: Boolean(user.totpEnabledAt) && !identityProviderMfa },
    });
    return { userId: user.id };
  });
  if (account.reason) return refuse(account);
  return createStaffSession(account.userId, now, { method: "SSO", identityProviderMfa });
}

/** Claims the attempt, exchanges the code and returns the checked claims (ID token over userinfo). */
async function checkAnswer(settings: SsoSettings, search: string, browserToken: string | undefined, now: Date) {
  const params = new URLSearchParams(search);
  const state = params.get("state");
  if (!state || state.length > 200) throw new SsoRefusal("attempt-unknown");
  const stateHash = ssoStateHash(state);
  // One use: a replayed or expired state claims nothing.
  const claimed = await db().staffSsoAttempt.updateMany({
    where: { stateHash, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (claimed.count === 0) throw new SsoRefusal("attempt-unknown");
  const attempt = await db().staffSsoAttempt.findUniqueOrThrow({ where: { stateHash } });
  if (!browserToken || ssoBrowserHash(browserToken) !== attempt.browserHash) throw new SsoRefusal("browser-mismatch");
  const configuration = await ssoClientConfiguration(settings).catch(() => {
    throw new SsoRefusal("provider-unreachable");
  });
  const currentUrl = new URL(settings.redirectUri);
  currentUrl.search = params.toString();
  const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
    expectedState: state,
    expectedNonce: decryptString(attempt.nonceEncrypted, "staff-sso"),
    pkceCodeVerifier: decryptString(attempt.codeVerifierEncrypted, "staff-sso"),
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new SsoRefusal("token-invalid");
  // Providers often give email and groups at the userinfo endpoint only; the ID token's own claims win.
  const userInfo = configuration.serverMetadata().userinfo_endpoint
    ? await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
    : {};
  return { claims: { ...userInfo, ...idToken } as Record<string, unknown>, amr: idToken.amr };
}

/** The provider's group decides the role; the last active administrator is never demoted by it. */
async function followMappedRole(tx: Tx, userId: string, role: StaffRoleName) {
  const user = await lockStaffUser(tx, userId);
  if (role !== "ADMIN") {
    const kept = await refuseLastActiveAdmin(tx, user, "a role from the identity provider").then(
      () => false,
      (error: unknown) => {
        if (error instanceof AppError) return true;
        throw error;
      },
    );
    if (kept) {
      await appendAuditEvent(tx, {
        actor: { type: "SYSTEM" },
        action: "staff.role-change-refused",
        data: { userId, to: role, reason: "last-active-admin" },
      });
      return;
    }
  }
  await tx.staffUser.update({ where: { id: userId }, data: { role } });
  await appendAuditEvent(tx, {
    actor: { type: "SYSTEM" },
    action: "staff.role-changed",
    data: { userId, from: user.role, to: role, by: "identity-provider" },
  });
}

async function refuse(refusal: Refusal): Promise<never> {
  await db().$transaction(async (tx: Tx) => {
    await appendAuditEvent(tx, {
      actor: { type: "SYSTEM" },
      action: "staff.sign-in-failed",
      data: { method: "single-sign-on", reason: refusal.reason, userId: refusal.userId ?? null, emailHash: refusal.emailHash ?? null },
    });
  });
  throw new SsoRefusal(refusal.reason);
}
