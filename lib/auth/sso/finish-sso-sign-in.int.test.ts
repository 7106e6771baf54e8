// Single sign-on against a real OpenID Connect provider (tests/support/oidc-provider.ts): who gets
// in, which sessions owe the local second factor, and every refusal of a tampered, replayed or
// expired answer — each audited with its reason and no email in clear, none a server error.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type OidcTestUser, startTestOidcProvider, type TestOidcProvider } from "../../../tests/support/oidc-provider.ts";
import { encryptString } from "../../crypto.ts";
import { db } from "../../db.ts";
import { listStaffUsers } from "../../staff-users/list-staff-users.ts";
import { createStaffUser } from "../create-staff-user.ts";
import { resolveStaffSession } from "../resolve-staff-session.ts";
import { finishSsoSignIn } from "./finish-sso-sign-in.ts";
import { SsoRefusal, type SsoRefusalReason } from "./sso-refusal.ts";
import type { SsoSettings } from "./sso-settings.ts";
import { ssoStateHash, startSsoSignIn } from "./start-sso-sign-in.ts";

const redirectUri = "http://127.0.0.1:3000/staff/sso/callback";
let provider: TestOidcProvider;
let settings: SsoSettings;

beforeAll(async () => {
  provider = await startTestOidcProvider({ redirectUri });
  settings = {
    issuer: new URL(provider.issuer),
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    roleClaim: "groups",
    roleMap: [
      { value: "privacy-admins", role: "ADMIN" },
      { value: "privacy-agents", role: "AGENT" },
      { value: "auditors", role: "AUDITOR" },
    ],
    buttonLabels: { en: "Sign in with the test provider" },
    only: false,
    redirectUri,
  };
});
afterAll(() => provider?.close());

const uniqueEmail = (label: string) => `${label}-${randomUUID()}@staff.example.test`;

/** An identity at the provider (and, unless told otherwise, a staff account with its email). */
async function person(options: {
  role?: "admin" | "agent" | "auditor" | null;
  amr?: string[];
  groups?: string[];
  emailVerified?: boolean;
  twoFactor?: boolean;
}) {
  const email = uniqueEmail(options.role ?? "unknown");
  const user: OidcTestUser = {
    email,
    password: randomUUID(),
    amr: options.amr ?? ["pwd"],
    groups: options.groups,
    emailVerified: options.emailVerified,
  };
  provider.addUser(user);
  let accountId: string | null = null;
  if (options.role) {
    accountId = (await createStaffUser({ email, role: options.role })).user.id;
    if (options.twoFactor) await db().staffUser.update({ where: { id: accountId }, data: { totpEnabledAt: new Date() } });
  }
  return { ...user, accountId };
}

/** Starts a sign-in, signs in at the provider, and returns what the browser brings back. */
async function throughProvider(user: OidcTestUser) {
  const started = await startSsoSignIn({ settings, address: `fd00::${randomUUID().slice(0, 4)}` });
  const callback = new URL(await provider.signInForCallback(started.authorizationUrl.toString(), user));
  return { search: callback.search, browserToken: started.browserToken, callback };
}

async function refusedWith(promise: Promise<unknown>, reason: SsoRefusalReason) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoRefusal);
  expect((error as SsoRefusal).reason).toBe(reason);
  const [event] = await db().auditEvent.findMany({ where: { action: "staff.sign-in-failed" }, orderBy: { id: "desc" }, take: 1 });
  expect(event.data).toMatchObject({ method: "single-sign-on", reason });
  expect(JSON.stringify(event.data)).not.toContain("@");
}

describe("who gets in", () => {
  it("signs in an existing account as itself; with the provider's multi-factor, no local second factor", async () => {
    const alice = await person({ role: "agent", amr: ["pwd", "mfa"], twoFactor: true });
    const session = await finishSsoSignIn({ settings, ...(await throughProvider(alice)) });
    const resolved = await resolveStaffSession(session.token);
    expect(resolved?.principal.userId).toBe(alice.accountId);
    expect(resolved?.stage).toBe("ready");
    const stored = await db().staffSession.findUniqueOrThrow({ where: { id: session.sessionId } });
    expect(stored).toMatchObject({ signInMethod: "SSO", identityProviderMfa: true });
  });

  it("asks the local second factor when the provider asserts only a password", async () => {
    const bob = await person({ role: "agent", amr: ["pwd"], twoFactor: true });
    const session = await finishSsoSignIn({ settings, ...(await throughProvider(bob)) });
    expect((await resolveStaffSession(session.token))?.stage).toBe("second-factor");
  });

  it("asks an administrator without multi-factor at the provider to set up two-factor, as after a password", async () => {
    const admin = await person({ role: "admin", amr: ["pwd"] });
    const session = await finishSsoSignIn({ settings, ...(await throughProvider(admin)) });
    expect((await resolveStaffSession(session.token))?.stage).toBe("setup-two-factor");
    const withMfa = await person({ role: "admin", amr: ["pwd", "otp"] });
    const ready = await finishSsoSignIn({ settings, ...(await throughProvider(withMfa)) });
    expect((await resolveStaffSession(ready.token))?.stage).toBe("ready");
  });

  it("creates an account for someone unknown whose group maps to a role, audited and listed for admins", async () => {
    const carol = await person({ role: null, groups: ["marketing", "privacy-agents"], amr: ["pwd", "hwk"] });
    const session = await finishSsoSignIn({ settings, ...(await throughProvider(carol)) });
    const resolved = await resolveStaffSession(session.token);
    expect(resolved?.principal).toMatchObject({ email: carol.email, role: "AGENT" });
    const events = await db().auditEvent.findMany({ where: { action: "staff.created-by-single-sign-on", actorType: "SYSTEM" } });
    expect(events.some((event) => (event.data as { userId: string }).userId === resolved?.principal.userId)).toBe(true);
    expect((await listStaffUsers()).find((row) => row.email === carol.email)).toMatchObject({ role: "AGENT" });
  });

  it("refuses someone unknown whose groups map to nothing, and creates no account", async () => {
    const dave = await person({ role: null, groups: ["marketing"] });
    await refusedWith(finishSsoSignIn({ settings, ...(await throughProvider(dave)) }), "no-account");
    expect(await db().staffUser.findUnique({ where: { email: dave.email } })).toBeNull();
  });

  it("refuses a disabled account even with a valid session at the provider", async () => {
    const erin = await person({ role: "agent", amr: ["pwd", "mfa"] });
    await db().staffUser.update({ where: { id: erin.accountId as string }, data: { disabledAt: new Date() } });
    await refusedWith(finishSsoSignIn({ settings, ...(await throughProvider(erin)) }), "account-disabled");
  });

  it("refuses an email the provider has not verified", async () => {
    const frank = await person({ role: "agent", emailVerified: false });
    await refusedWith(finishSsoSignIn({ settings, ...(await throughProvider(frank)) }), "email-not-verified");
  });

  it("gives an existing account the role its group maps to", async () => {
    const auditor = await person({ role: "auditor", groups: ["privacy-agents"] });
    const session = await finishSsoSignIn({ settings, ...(await throughProvider(auditor)) });
    expect((await resolveStaffSession(session.token))?.principal.role).toBe("AGENT");
  });
});

describe("answers that are refused", () => {
  it("refuses a replayed state", async () => {
    const user = await person({ role: "agent", amr: ["mfa"] });
    const answer = await throughProvider(user);
    await finishSsoSignIn({ settings, ...answer });
    await refusedWith(finishSsoSignIn({ settings, ...answer }), "attempt-unknown");
  });

  it("refuses a state this portal never issued", async () => {
    await refusedWith(finishSsoSignIn({ settings, search: "?code=x&state=not-issued", browserToken: "y" }), "attempt-unknown");
  });

  it("refuses an answer brought back by another browser", async () => {
    const user = await person({ role: "agent" });
    const answer = await throughProvider(user);
    await refusedWith(finishSsoSignIn({ settings, search: answer.search, browserToken: `${answer.browserToken}x` }), "browser-mismatch");
  });

  it("refuses an answer naming another issuer", async () => {
    const user = await person({ role: "agent" });
    const answer = await throughProvider(user);
    expect(answer.callback.searchParams.get("iss")).toBe(provider.issuer);
    answer.callback.searchParams.set("iss", "https://idp.example.test");
    await refusedWith(finishSsoSignIn({ settings, search: answer.callback.search, browserToken: answer.browserToken }), "issuer-mismatch");
  });

  it("refuses an expired code", async () => {
    const user = await person({ role: "agent" });
    const answer = await throughProvider(user);
    provider.expireAuthorizationCodes();
    await refusedWith(finishSsoSignIn({ settings, ...answer }), "code-rejected");
  });

  it("refuses a code already redeemed", async () => {
    const user = await person({ role: "agent" });
    const answer = await throughProvider(user);
    const stateHash = ssoStateHash(answer.callback.searchParams.get("state") as string);
    const attempt = await db().staffSsoAttempt.findUniqueOrThrow({ where: { stateHash } });
    const { decryptString } = await import("../../crypto.ts");
    const redeemed = await fetch(`${provider.issuer}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `Basic ${Buffer.from(`${provider.clientId}:${provider.clientSecret}`).toString("base64")}`,
      },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: answer.callback.searchParams.get("code") as string,
        redirect_uri: redirectUri,
        code_verifier: decryptString(attempt.codeVerifierEncrypted, "staff-sso"),
      }),
    });
    expect(redeemed.status).toBe(200);
    await refusedWith(finishSsoSignIn({ settings, ...answer }), "code-rejected");
  });

  it("refuses an ID token whose nonce is not this sign-in's", async () => {
    const user = await person({ role: "agent" });
    const answer = await throughProvider(user);
    const stateHash = ssoStateHash(answer.callback.searchParams.get("state") as string);
    await db().staffSsoAttempt.update({ where: { stateHash }, data: { nonceEncrypted: encryptString(randomUUID(), "staff-sso") } });
    await refusedWith(finishSsoSignIn({ settings, ...answer }), "nonce-mismatch");
  });

  it("refuses when the person declines at the provider", async () => {
    const started = await startSsoSignIn({ settings, address: `fd00::${randomUUID().slice(0, 4)}` });
    const state = started.authorizationUrl.searchParams.get("state") as string;
    const search = `?error=access_denied&state=${state}&iss=${encodeURIComponent(provider.issuer)}`;
    await refusedWith(finishSsoSignIn({ settings, search, browserToken: started.browserToken }), "provider-refused");
  });
});
