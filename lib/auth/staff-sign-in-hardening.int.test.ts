// Staff sign-in against guessing, against the real database: wrong second-factor codes counted per
// account (atomically, across sessions) with a lock, a re-authentication before two-factor is turned
// off or recovery codes replaced, no account enumeration and no lock anyone can trigger at sign-in,
// and a new session token once the second factor is passed.
import { describe, expect, it } from "vitest";
import { keyedHash } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { changeStaffPassword } from "./change-staff-password.ts";
import { createStaffUser } from "./create-staff-user.ts";
import { hashPassword } from "./password.ts";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes.ts";
import { resolveStaffSession } from "./resolve-staff-session.ts";
import { beginTwoFactorSetup, confirmTwoFactorSetup } from "./set-up-two-factor.ts";
import { SIGN_IN_REFUSED, signInStaff } from "./sign-in-staff.ts";
import { totpCode, totpStep } from "./totp.ts";
import { turnOffTwoFactor } from "./turn-off-two-factor.ts";
import { verifySecondFactor } from "./verify-second-factor.ts";

let n = 0;
const address = () => `10.78.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Everything a caller (the page, the API) can see of a refusal. */
function answer(error: AppError) {
  return JSON.stringify({
    name: error.name,
    code: error.code,
    status: error.status,
    message: error.message,
    issues: error.issues,
    details: error.details,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** A code that is certainly wrong at `now`: none of the steps around it give it. */
function wrongCode(secret: string, now = new Date()): string {
  const step = totpStep(now);
  const valid = new Set([-2, -1, 0, 1, 2].map((delta) => totpCode(secret, step + delta)));
  for (let i = 0; ; i++) {
    const code = String(i).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

/** An agent with a password of their own and two-factor on, signed out. */
async function agentWithTwoFactor() {
  const email = `hardening-${Date.now()}-${n++}@staff.test`;
  const { user } = await createStaffUser({ email, role: "agent" });
  const password = "a long passphrase of my own";
  await db().staffUser.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password), mustChangePassword: false } });
  const first = await signInStaff({ email, password, address: address() });
  const past = new Date(Date.now() - 120_000);
  const { secret } = await beginTwoFactorSetup(user.id);
  const { recoveryCodes } = await confirmTwoFactorSetup({
    userId: user.id,
    sessionId: first.sessionId,
    code: totpCode(secret, totpStep(past)),
    now: past,
  });
  await db().staffSession.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
  return { id: user.id, email, password, secret, recoveryCodes };
}

const emailsTo = (staffUserId: string, template: string) => db().emailMessage.count({ where: { staffUserId, template } });

describe("wrong second-factor codes are counted per account", () => {
  it("30 wrong codes in parallel over 6 sessions: 5 are compared, then the account locks, sessions end, the holder is told", async () => {
    const user = await agentWithTwoFactor();
    const sessions = [];
    for (let i = 0; i < 6; i++) sessions.push(await signInStaff({ email: user.email, password: user.password, address: address() }));
    const now = new Date();
    const code = wrongCode(user.secret, now);
    const answers = await Promise.all(
      sessions.flatMap((session) =>
        Array.from({ length: 5 }, () => refusal(verifySecondFactor({ sessionId: session.sessionId, code, now }))),
      ),
    );
    const codes = answers.map((a) => a.code);
    // Four plain refusals, then the fifth wrong code locks; the other 25 are refused without being
    // compared (as locked, or as signed out once the lock ended their session).
    expect(codes.filter((c) => c === "INVALID_CODE")).toHaveLength(4);
    expect(codes.filter((c) => c !== "INVALID_CODE").every((c) => c === "TOO_MANY_ATTEMPTS" || c === "UNAUTHORIZED")).toBe(true);
    expect(codes).toContain("TOO_MANY_ATTEMPTS");
    // Every comparison is counted first: five counted means five compared.
    const stored = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.secondFactorFailures).toBe(5);
    expect(stored.lockedUntil?.getTime()).toBe(now.getTime() + 15 * 60_000);
    for (const session of sessions) expect(await resolveStaffSession(session.token)).toBeNull();
    const locks = await db().auditEvent.findMany({ where: { action: "staff.locked-after-wrong-codes" } });
    expect(locks.filter((e) => (e.data as { userId?: string }).userId === user.id)).toHaveLength(1);
    expect(await emailsTo(user.id, "staff-account-locked")).toBe(1);

    // Locked: the right password is refused with the lock (only someone with the password learns of it),
    // a wrong one gets the usual answer.
    const locked = await refusal(signInStaff({ email: user.email, password: user.password, address: address(), now }));
    expect(locked.code).toBe("TOO_MANY_ATTEMPTS");
    const wrong = await refusal(signInStaff({ email: user.email, password: "not the password", address: address(), now }));
    expect(wrong.message).toBe(SIGN_IN_REFUSED);

    // After the lock, the holder signs in and the right code works and clears the count.
    const later = new Date(now.getTime() + 16 * 60_000);
    const session = await signInStaff({ email: user.email, password: user.password, address: address(), now: later });
    await verifySecondFactor({ sessionId: session.sessionId, code: totpCode(user.secret, totpStep(later)), now: later });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).secondFactorFailures).toBe(0);
  });

  it("a right code clears the count, so a person's occasional typo never adds up to a lock", async () => {
    const user = await agentWithTwoFactor();
    const t0 = Date.now();
    for (let round = 0; round < 3; round++) {
      const now = new Date(t0 + round * 60_000);
      const session = await signInStaff({ email: user.email, password: user.password, address: address(), now });
      for (let i = 0; i < 4; i++) {
        expect((await refusal(verifySecondFactor({ sessionId: session.sessionId, code: wrongCode(user.secret, now), now }))).code).toBe(
          "INVALID_CODE",
        );
      }
      await verifySecondFactor({ sessionId: session.sessionId, code: totpCode(user.secret, totpStep(now)), now });
    }
    const stored = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil).toBeNull();
  });

  it("each further lock lasts twice as long", async () => {
    const user = await agentWithTwoFactor();
    let now = new Date();
    const lengths: number[] = [];
    for (let lock = 0; lock < 3; lock++) {
      const session = await signInStaff({ email: user.email, password: user.password, address: address(), now });
      for (let i = 0; i < 5; i++)
        await refusal(verifySecondFactor({ sessionId: session.sessionId, code: wrongCode(user.secret, now), now }));
      const { lockedUntil } = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
      lengths.push(((lockedUntil as Date).getTime() - now.getTime()) / 60_000);
      now = new Date((lockedUntil as Date).getTime() + 1000);
    }
    expect(lengths).toEqual([15, 30, 60]);
    expect(await emailsTo(user.id, "staff-account-locked")).toBe(3);
  });
});

describe("long histories of wrong guesses", () => {
  it("thousands of earlier wrong codes still give a one-day lock, not an arithmetic error", async () => {
    const user = await agentWithTwoFactor();
    await db().staffUser.update({ where: { id: user.id }, data: { secondFactorFailures: 10_004 } });
    const now = new Date();
    const session = await signInStaff({ email: user.email, password: user.password, address: address(), now });
    expect((await refusal(verifySecondFactor({ sessionId: session.sessionId, code: wrongCode(user.secret, now), now }))).code).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    const { lockedUntil } = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(lockedUntil?.getTime()).toBe(now.getTime() + 24 * 3_600_000);
  });

  it("thousands of earlier sign-in tries from a pair still give a 15-minute wait", async () => {
    const email = `nobody-${n++}@staff.test`;
    const from = address();
    const now = new Date();
    await db().signInThrottle.create({
      data: {
        key: keyedHash("sign-in-throttle", `${email}\n${from}`),
        attempts: 10_000,
        nextAttemptAt: now,
        expiresAt: new Date(now.getTime() + 60_000),
      },
    });
    await refusal(signInStaff({ email, password: "not the password", address: from, now }));
    const waiting = await refusal(signInStaff({ email, password: "not the password", address: from, now }));
    expect(waiting.retryAfterSeconds).toBe(900);
  });
});

describe("turning two-factor off and replacing recovery codes need the password and a current code", () => {
  async function signedInWithTwoFactor() {
    const user = await agentWithTwoFactor();
    const now = new Date(Date.now() - 60_000);
    const other = await signInStaff({ email: user.email, password: user.password, address: address(), now });
    const otherReady = await verifySecondFactor({ sessionId: other.sessionId, code: totpCode(user.secret, totpStep(now)), now });
    const session = await signInStaff({ email: user.email, password: user.password, address: address() });
    const ready = await verifySecondFactor({ sessionId: session.sessionId, code: user.recoveryCodes[0] });
    return { user, sessionId: session.sessionId, token: ready.token, otherToken: otherReady.token };
  }

  it("refuses without the password or without a right code, and changes nothing", async () => {
    const { user, sessionId } = await signedInWithTwoFactor();
    const code = totpCode(user.secret, totpStep(new Date()));
    const noPassword = await refusal(turnOffTwoFactor({ userId: user.id, sessionId, password: "not the password", code }));
    expect(noPassword.issues?.[0]?.path).toBe("password");
    const noCode = await refusal(turnOffTwoFactor({ userId: user.id, sessionId, password: user.password, code: wrongCode(user.secret) }));
    expect(noCode.issues?.[0]?.path).toBe("code");
    const codesRefused = await refusal(regenerateRecoveryCodes({ userId: user.id, sessionId, password: "", code }));
    expect(codesRefused.issues?.[0]?.path).toBe("password");
    const stored = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).not.toBeNull();
    expect(stored.recoveryCodeHashes).toHaveLength(9);
    expect(await emailsTo(user.id, "staff-two-factor-turned-off")).toBe(0);
  });

  it("turning two-factor off with both ends the other sessions and emails the holder", async () => {
    const { user, sessionId, token, otherToken } = await signedInWithTwoFactor();
    await turnOffTwoFactor({ userId: user.id, sessionId, password: user.password, code: totpCode(user.secret, totpStep(new Date())) });
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    expect(await resolveStaffSession(token)).not.toBeNull();
    expect(await resolveStaffSession(otherToken)).toBeNull();
    expect(await emailsTo(user.id, "staff-two-factor-turned-off")).toBe(1);
  });

  it("new recovery codes with both end the other sessions and email the holder; a recovery code counts as the code", async () => {
    const { user, sessionId, token, otherToken } = await signedInWithTwoFactor();
    const { recoveryCodes } = await regenerateRecoveryCodes({
      userId: user.id,
      sessionId,
      password: user.password,
      code: user.recoveryCodes[1],
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(await resolveStaffSession(token)).not.toBeNull();
    expect(await resolveStaffSession(otherToken)).toBeNull();
    expect(await emailsTo(user.id, "staff-recovery-codes-replaced")).toBe(1);
  });

  it("wrong confirmations count towards the same lock as wrong sign-in codes, and the session that made the fifth ends", async () => {
    const { user, sessionId, token } = await signedInWithTwoFactor();
    const now = new Date();
    for (let i = 0; i < 4; i++) {
      await refusal(turnOffTwoFactor({ userId: user.id, sessionId, password: user.password, code: wrongCode(user.secret, now), now }));
    }
    const fifth = await refusal(turnOffTwoFactor({ userId: user.id, sessionId, password: "still guessing", code: "", now }));
    expect(fifth.code).toBe("TOO_MANY_ATTEMPTS");
    expect(await resolveStaffSession(token)).toBeNull();
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).not.toBeNull();
    expect(await emailsTo(user.id, "staff-account-locked")).toBe(1);
  });
});

describe("the current password asked by the password form cannot be guessed with a session cookie", () => {
  it("five tries per account per 15 minutes, counted before the password is checked, parallel ones included", async () => {
    const user = await agentWithTwoFactor();
    const session = await signInStaff({ email: user.email, password: user.password, address: address() });
    // One instant for every try, so they all fall in one window of the limit.
    const now = new Date();
    const tries = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        refusal(
          changeStaffPassword({
            userId: user.id,
            sessionId: session.sessionId,
            currentPassword: `guess ${i}`,
            newPassword: "a brand new passphrase",
            now,
          }),
        ),
      ),
    );
    expect(tries.filter((t) => t.code === "VALIDATION_FAILED")).toHaveLength(5);
    expect(tries.filter((t) => t.code === "RATE_LIMITED")).toHaveLength(3);
    const right = await refusal(
      changeStaffPassword({
        userId: user.id,
        sessionId: session.sessionId,
        currentPassword: user.password,
        newPassword: "a brand new passphrase",
        now,
      }),
    );
    expect(right.code).toBe("RATE_LIMITED");
  });
});

describe("signing in reveals no account and lets nobody lock one", () => {
  it("an unknown email gets byte-identical answers to a known one, miss after miss, delays included", async () => {
    const user = await agentWithTwoFactor();
    const t0 = Date.now();
    const times = [0, 1, 2, 3, 4, 5, 6, 14, 15, 34, 35, 80].map((s) => new Date(t0 + s * 1000));
    const run = async (email: string, from: string) => {
      const answers: string[] = [];
      for (const now of times)
        answers.push(answer(await refusal(signInStaff({ email, password: "not the password", address: from, now }))));
      return answers;
    };
    const known = await run(user.email, address());
    const unknown = await run(`nobody-${n++}@staff.test`, address());
    expect(unknown).toEqual(known);
    // The answers do slow down: five tries, then waits of 10, 20, 40 seconds.
    expect(known.map((a) => JSON.parse(a).code)).toEqual([
      ...Array(5).fill("UNAUTHORIZED"),
      "TOO_MANY_ATTEMPTS",
      "TOO_MANY_ATTEMPTS",
      "UNAUTHORIZED",
      "TOO_MANY_ATTEMPTS",
      "UNAUTHORIZED",
      "TOO_MANY_ATTEMPTS",
      "UNAUTHORIZED",
    ]);
    expect(JSON.parse(known[5]).retryAfterSeconds).toBe(9);
  });

  it("a miss on an unknown email is audited like one on an account (the same work, so the same time), without the email", async () => {
    const user = await agentWithTwoFactor();
    const unknown = `nobody-${n++}@staff.test`;
    await refusal(signInStaff({ email: unknown, password: "not the password", address: address() }));
    await refusal(signInStaff({ email: user.email, password: "not the password", address: address() }));
    const misses = await db().auditEvent.findMany({ where: { action: "staff.sign-in-failed" }, orderBy: { id: "desc" }, take: 200 });
    const forUnknown = misses.filter((e) => (e.data as { emailHash?: string }).emailHash === keyedHash("staff-sign-in-email", unknown));
    const forUser = misses.filter((e) => (e.data as { userId?: string }).userId === user.id);
    expect(forUnknown).toHaveLength(1);
    expect(forUser).toHaveLength(1);
    expect(JSON.stringify(forUnknown[0].data)).not.toContain("nobody");
    expect(Object.keys(forUnknown[0].data as object).sort()).toEqual(Object.keys(forUser[0].data as object).sort());
  });

  it("misses from one address slow down that address only: the holder signs in from another at once", async () => {
    const user = await agentWithTwoFactor();
    const attacker = address();
    const now = new Date();
    for (let i = 0; i < 20; i++) await refusal(signInStaff({ email: user.email, password: `guess-${i}`, address: attacker, now }));
    // Even the right password waits on the attacker's address…
    expect((await refusal(signInStaff({ email: user.email, password: user.password, address: attacker, now }))).code).toBe(
      "TOO_MANY_ATTEMPTS",
    );
    // …but not on the holder's, and the account is not locked.
    await expect(signInStaff({ email: user.email, password: user.password, address: address(), now })).resolves.toHaveProperty("token");
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toBeNull();
  });

  it("parallel guesses from one address are counted before the password is checked", async () => {
    const user = await agentWithTwoFactor();
    const from = address();
    const now = new Date();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => refusal(signInStaff({ email: user.email, password: `guess-${i}`, address: from, now }))),
    );
    expect(answers.filter((a) => a.code === "UNAUTHORIZED")).toHaveLength(5);
    expect(answers.filter((a) => a.code === "TOO_MANY_ATTEMPTS")).toHaveLength(7);
  });

  it("a success on an address starts its count again", async () => {
    const user = await agentWithTwoFactor();
    const from = address();
    const now = new Date();
    for (let i = 0; i < 4; i++) await refusal(signInStaff({ email: user.email, password: `guess-${i}`, address: from, now }));
    await signInStaff({ email: user.email, password: user.password, address: from, now });
    for (let i = 0; i < 4; i++) {
      expect((await refusal(signInStaff({ email: user.email, password: `guess-${i}`, address: from, now }))).code).toBe("UNAUTHORIZED");
    }
  });
});

describe("the session token changes once the second factor is passed", () => {
  it("the cookie value from before the code stops working", async () => {
    const user = await agentWithTwoFactor();
    const session = await signInStaff({ email: user.email, password: user.password, address: address() });
    expect((await resolveStaffSession(session.token))?.stage).toBe("second-factor");
    const passed = await verifySecondFactor({ sessionId: session.sessionId, code: totpCode(user.secret, totpStep(new Date())) });
    expect(passed.token).not.toBe(session.token);
    expect(await resolveStaffSession(session.token)).toBeNull();
    const resolved = await resolveStaffSession(passed.token);
    expect(resolved?.stage).toBe("ready");
    expect(resolved?.sessionId).toBe(session.sessionId);
  });

  it("so does the one from before two-factor was set up", async () => {
    const email = `setup-${Date.now()}-${n++}@staff.test`;
    const { user, oneTimePassword } = await createStaffUser({ email, role: "agent" });
    const session = await signInStaff({ email, password: oneTimePassword, address: address() });
    const { secret } = await beginTwoFactorSetup(user.id);
    const confirmed = await confirmTwoFactorSetup({
      userId: user.id,
      sessionId: session.sessionId,
      code: totpCode(secret, totpStep(new Date())),
    });
    expect(await resolveStaffSession(session.token)).toBeNull();
    expect((await resolveStaffSession(confirmed.token))?.sessionId).toBe(session.sessionId);
  });
});
