// Staff sign-in against the real database: equal answers for a wrong email and a wrong password,
// growing delays, the second factor (TOTP and recovery codes, each usable once), session expiry and API keys.
import { describe, expect, it } from "vitest";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { authenticateApiKey } from "./authenticate-api-key.ts";
import { changeStaffPassword, justSignedInWithOneTimePassword, ONE_TIME_PASSWORD_WINDOW_MINUTES } from "./change-staff-password.ts";
import { createApiKey } from "./create-api-key.ts";
import { createStaffUser } from "./create-staff-user.ts";
import { resetStaffPassword } from "./reset-staff-password.ts";
import { resolveStaffSession } from "./resolve-staff-session.ts";
import { revokeAllStaffSessions } from "./revoke-staff-sessions.ts";
import { beginTwoFactorSetup, confirmTwoFactorSetup } from "./set-up-two-factor.ts";
import { SIGN_IN_REFUSED, signInStaff } from "./sign-in-staff.ts";
import { totpCode, totpStep } from "./totp.ts";
import { verifySecondFactor } from "./verify-second-factor.ts";

let n = 0;
const address = () => `10.77.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;

async function staff(role: "admin" | "agent" | "auditor") {
  const email = `${role}-${Date.now()}-${n++}@staff.test`;
  const { user, oneTimePassword } = await createStaffUser({ email, role });
  return { ...user, password: oneTimePassword };
}

/** A code that is certainly wrong at `now`: none of the steps around it give it (a fixed "000000" is right one time in a million). */
function wrongCode(secret: string, now = new Date()): string {
  const step = totpStep(now);
  const valid = new Set([-2, -1, 0, 1, 2].map((delta) => totpCode(secret, step + delta)));
  for (let i = 0; ; i++) {
    const code = String(i).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("signing in", () => {
  it("gives a wrong email and a wrong password the same answer", async () => {
    const user = await staff("agent");
    const wrongEmail = await refusal(signInStaff({ email: "nobody@staff.test", password: user.password, address: address() }));
    const wrongPassword = await refusal(signInStaff({ email: user.email, password: "not the password", address: address() }));
    expect(wrongEmail.code).toBe("UNAUTHORIZED");
    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(wrongEmail.message).toBe(SIGN_IN_REFUSED);
    expect(wrongPassword.message).toBe(SIGN_IN_REFUSED);
  });

  it("after five wrong passwords from one address, that address waits, even with the right one next", async () => {
    const user = await staff("agent");
    const from = address();
    const now = new Date();
    for (let i = 0; i < 5; i++) await refusal(signInStaff({ email: user.email, password: `wrong-${i}`, address: from, now }));
    const waiting = await refusal(signInStaff({ email: user.email, password: user.password, address: from, now }));
    expect(waiting.code).toBe("TOO_MANY_ATTEMPTS");
    expect(waiting.retryAfterSeconds).toBe(10);
    const later = new Date(now.getTime() + 10_000);
    await expect(signInStaff({ email: user.email, password: user.password, address: from, now: later })).resolves.toHaveProperty("token");
  });

  it("throttles one address trying many accounts", async () => {
    const from = address();
    for (let i = 0; i < 30; i++) await refusal(signInStaff({ email: `guess-${i}@staff.test`, password: "x", address: from }));
    const throttled = await refusal(signInStaff({ email: "guess-31@staff.test", password: "x", address: from }));
    expect(throttled.code).toBe("RATE_LIMITED");
  });

  it("asks for a new password first, then (for admins) two-factor setup, then lets them in", async () => {
    const admin = await staff("admin");
    const { token, sessionId } = await signInStaff({ email: admin.email, password: admin.password, address: address() });
    expect((await resolveStaffSession(token))?.stage).toBe("change-password");
    const weak = await refusal(changeStaffPassword({ userId: admin.id, sessionId, currentPassword: admin.password, newPassword: "short" }));
    expect(weak.issues?.[0]?.path).toBe("newPassword");
    await changeStaffPassword({
      userId: admin.id,
      sessionId,
      currentPassword: admin.password,
      newPassword: "correct horse battery staple",
    });
    expect((await resolveStaffSession(token))?.stage).toBe("setup-two-factor");
    const { secret } = await beginTwoFactorSetup(admin.id);
    const wrong = await refusal(confirmTwoFactorSetup({ userId: admin.id, sessionId, code: wrongCode(secret) }));
    expect(wrong.code).toBe("INVALID_CODE");
    const confirmed = await confirmTwoFactorSetup({ userId: admin.id, sessionId, code: totpCode(secret, totpStep(new Date())) });
    const { recoveryCodes } = confirmed;
    expect(recoveryCodes).toHaveLength(10);
    expect((await resolveStaffSession(confirmed.token))?.stage).toBe("ready");
    const stored = await db().staffUser.findUniqueOrThrow({ where: { id: admin.id } });
    expect(stored.totpSecretEncrypted).not.toContain(secret);
    expect(stored.recoveryCodeHashes.join()).not.toContain(recoveryCodes[0]);
  });
});

describe("the second factor", () => {
  async function withTwoFactor() {
    const user = await staff("agent");
    const first = await signInStaff({ email: user.email, password: user.password, address: address() });
    const past = new Date(Date.now() - 120_000);
    const { secret } = await beginTwoFactorSetup(user.id);
    const { recoveryCodes } = await confirmTwoFactorSetup({
      userId: user.id,
      sessionId: first.sessionId,
      code: totpCode(secret, totpStep(past)),
      now: past,
    });
    const session = await signInStaff({ email: user.email, password: user.password, address: address() });
    return { user, secret, recoveryCodes, session };
  }

  it("accepts a TOTP code once, not twice", async () => {
    const { secret, session } = await withTwoFactor();
    expect((await resolveStaffSession(session.token))?.stage).toBe("second-factor");
    const code = totpCode(secret, totpStep(new Date()));
    const passed = await verifySecondFactor({ sessionId: session.sessionId, code });
    expect((await resolveStaffSession(passed.token))?.stage).toBe("change-password");
    const replay = await refusal(verifySecondFactor({ sessionId: session.sessionId, code }));
    expect(replay.code).toBe("INVALID_CODE");
  });

  it("accepts each recovery code once", async () => {
    const { recoveryCodes, session } = await withTwoFactor();
    const result = await verifySecondFactor({ sessionId: session.sessionId, code: recoveryCodes[3].toUpperCase() });
    expect(result.recoveryCodesLeft).toBe(9);
    const again = await refusal(verifySecondFactor({ sessionId: session.sessionId, code: recoveryCodes[3] }));
    expect(again.code).toBe("INVALID_CODE");
  });

  it("stops guessing at the fifth wrong code: the account locks", async () => {
    const { secret, session } = await withTwoFactor();
    const now = new Date();
    const code = wrongCode(secret, now);
    for (let i = 0; i < 4; i++)
      expect((await refusal(verifySecondFactor({ sessionId: session.sessionId, code, now }))).code).toBe("INVALID_CODE");
    expect((await refusal(verifySecondFactor({ sessionId: session.sessionId, code, now }))).code).toBe("TOO_MANY_ATTEMPTS");
    // Even the right code now: the session has ended with the lock.
    const right = await refusal(verifySecondFactor({ sessionId: session.sessionId, code: totpCode(secret, totpStep(now)), now }));
    expect(right.code).toBe("UNAUTHORIZED");
  });
});

describe("sessions", () => {
  it("end after the idle time, at their absolute end, when revoked, and when the account is disabled", async () => {
    const user = await staff("auditor");
    const { token } = await signInStaff({ email: user.email, password: user.password, address: address() });
    expect(await resolveStaffSession(token)).not.toBeNull();
    expect(await resolveStaffSession(token, new Date(Date.now() + 61 * 60_000))).toBeNull();
    expect(await resolveStaffSession(`${token}x`)).toBeNull();
    await revokeAllStaffSessions(user.id);
    expect(await resolveStaffSession(token)).toBeNull();
    const second = await signInStaff({ email: user.email, password: user.password, address: address() });
    await db().staffUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await resolveStaffSession(second.token)).toBeNull();
  });

  it("changing the password ends the other sessions", async () => {
    const user = await staff("agent");
    const one = await signInStaff({ email: user.email, password: user.password, address: address() });
    const two = await signInStaff({ email: user.email, password: user.password, address: address() });
    await changeStaffPassword({
      userId: user.id,
      sessionId: two.sessionId,
      currentPassword: user.password,
      newPassword: "a long new passphrase",
    });
    expect(await resolveStaffSession(one.token)).toBeNull();
    expect(await resolveStaffSession(two.token)).not.toBeNull();
  });

  it("right after signing in with a one-time password, replacing it does not ask for it again", async () => {
    const user = await staff("agent");
    const { sessionId, token } = await signInStaff({ email: user.email, password: user.password, address: address() });
    expect(await justSignedInWithOneTimePassword(user.id, sessionId)).toBe(true);
    const same = await refusal(changeStaffPassword({ userId: user.id, sessionId, newPassword: user.password }));
    expect(same.issues?.[0]).toMatchObject({ path: "newPassword", message: "The new password must differ from the current one." });
    await changeStaffPassword({ userId: user.id, sessionId, newPassword: "a long new passphrase" });
    expect((await resolveStaffSession(token))?.stage).toBe("ready");
    // Once the password is the person's own, it is asked for again.
    expect(await justSignedInWithOneTimePassword(user.id, sessionId)).toBe(false);
    const again = await refusal(changeStaffPassword({ userId: user.id, sessionId, newPassword: "another long passphrase" }));
    expect(again.issues?.[0]).toMatchObject({ path: "currentPassword", message: "Enter your current password." });
  });

  it("a session older than the one-time password window must type it", async () => {
    const user = await staff("agent");
    const signedIn = new Date("2026-03-02T09:00:00Z");
    const { sessionId } = await signInStaff({ email: user.email, password: user.password, address: address(), now: signedIn });
    const later = new Date(signedIn.getTime() + (ONE_TIME_PASSWORD_WINDOW_MINUTES + 1) * 60_000);
    expect(await justSignedInWithOneTimePassword(user.id, sessionId, later)).toBe(false);
    const refused = await refusal(changeStaffPassword({ userId: user.id, sessionId, newPassword: "a long new passphrase", now: later }));
    expect(refused.issues?.[0]?.path).toBe("currentPassword");
    await changeStaffPassword({
      userId: user.id,
      sessionId,
      currentPassword: user.password,
      newPassword: "a long new passphrase",
      now: later,
    });
  });
});

describe("API keys", () => {
  it("authenticate with the key's role until revoked; only the hash is stored", async () => {
    const created = await createApiKey({ name: "CRM sync", role: "auditor" });
    expect(created.key).toMatch(/^dsar_[A-Za-z0-9]{8}_/);
    const principal = await authenticateApiKey(created.key);
    expect(principal).toMatchObject({ kind: "apiKey", role: "AUDITOR", name: "CRM sync" });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).not.toContain(created.key.split("_")[2]);
    // A different last character, whatever the key ends with (a fixed "A" was the key itself 1 time in 64).
    const last = created.key.at(-1);
    expect(await authenticateApiKey(`${created.key.slice(0, -1)}${last === "A" ? "B" : "A"}`)).toBeNull();
    await db().apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiKey(created.key)).toBeNull();
  });
});

describe("password reset by an operator", () => {
  it("gives a new one-time password, ends the sessions and asks for a new password at sign-in", async () => {
    const user = await staff("agent");
    const before = await signInStaff({ email: user.email, password: user.password, address: address() });
    const { oneTimePassword } = await resetStaffPassword({ email: user.email.toUpperCase() });
    expect(await resolveStaffSession(before.token)).toBeNull();
    await refusal(signInStaff({ email: user.email, password: user.password, address: address() }));
    const after = await signInStaff({ email: user.email, password: oneTimePassword, address: address() });
    expect((await resolveStaffSession(after.token))?.stage).toBe("change-password");
    expect((await refusal(resetStaffPassword({ email: "nobody@staff.test" }))).code).toBe("NOT_FOUND");
  });
});
