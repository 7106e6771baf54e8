// The users page's services on the real database and mail: an invitation becomes an account that
// signs in, the portal always keeps an administrator, and disabling or resetting two-factor ends
// every session at once.
import { randomBytes } from "node:crypto";
import { describe, expect, it, onTestFinished } from "vitest";

const { db } = await import("../../lib/db.ts");
const { inviteStaffUser } = await import("../../lib/staff-users/invite-staff-user.ts");
const { findStaffInvite } = await import("../../lib/staff-users/find-staff-invite.ts");
const { acceptStaffInvite } = await import("../../lib/staff-users/accept-staff-invite.ts");
const { changeStaffRole } = await import("../../lib/staff-users/change-staff-role.ts");
const { disableStaffUser } = await import("../../lib/staff-users/disable-staff-user.ts");
const { enableStaffUser } = await import("../../lib/staff-users/enable-staff-user.ts");
const { resetTwoFactor } = await import("../../lib/staff-users/reset-two-factor.ts");
const { listStaffUsers } = await import("../../lib/staff-users/list-staff-users.ts");
const { createStaffUser } = await import("../../lib/auth/create-staff-user.ts");
const { createStaffSession } = await import("../../lib/auth/create-staff-session.ts");
const { resolveStaffSession } = await import("../../lib/auth/resolve-staff-session.ts");
const { signInStaff } = await import("../../lib/auth/sign-in-staff.ts");
const { verifyPassword } = await import("../../lib/auth/password.ts");
const { deliverEmail } = await import("../../lib/email/deliver-email.ts");
const { AppError } = await import("../../lib/errors.ts");
const { actionError } = await import("../../lib/auth/staff-action.ts");
const { localiseActionError } = await import("../../lib/i18n/localise-action-error.ts");
const { waitForEmail } = await import("../support/mailbox.ts");
const { staffAddressLimit } = await import("../../lib/security/staff-address-limit.ts");
const { inOneRateLimitWindow } = await import("../../lib/security/rate-limit-window.test-support.ts");

const run = randomBytes(3).toString("hex");
const system = { type: "SYSTEM" as const, id: "test" };
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomBytes(4).toString("hex")}`;
const catcher = () => process.env.MAIL_CATCHER_URL as string;

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as InstanceType<typeof AppError>).code;
}

/** Delivers the pending invitation emails (the worker would), then reads the link from the inbox. */
async function invitationLink(email: string, after: Date): Promise<string> {
  const pending = await db().emailMessage.findMany({ where: { to: email, template: "staff-invitation", status: "PENDING" } });
  for (const message of pending) await deliverEmail(message.id);
  const received = await waitForEmail(catcher(), email, (m) => new Date(m.receivedAt) >= after && m.subject.includes("invited"));
  const match = received.text.match(/https?:\/\/\S+\/staff\/invite\/[A-Za-z0-9_-]+/);
  if (!match) throw new Error("no invitation link in the email");
  return match[0];
}

const tokenOf = (link: string) => link.split("/").pop() as string;

async function activeUser(role: "admin" | "agent" | "auditor", label: string) {
  const { user, oneTimePassword } = await createStaffUser({ email: `${label}-${run}@example.test`, role });
  await db().staffUser.update({ where: { id: user.id }, data: { mustChangePassword: false } });
  return { ...user, password: oneTimePassword };
}

describe("inviting a colleague", () => {
  it("emails a link where they choose a password, after which they sign in with it", async () => {
    const email = `new.agent-${run}@example.test`;
    const started = new Date(Date.now() - 1000);
    const invited = await inviteStaffUser({ email: email.toUpperCase(), role: "agent", actor: system });
    expect(invited).toMatchObject({ email, role: "AGENT", reinvited: false });
    const link = await invitationLink(email, started);
    expect(link.startsWith(`${process.env.APP_URL}/staff/invite/`)).toBe(true);
    // The copy kept after delivery has the link blanked; the row holds only the token's hash.
    const kept = await db().emailMessage.findFirstOrThrow({ where: { to: email, template: "staff-invitation" } });
    expect(kept.textBody).toContain("[private]");
    expect(kept.textBody).not.toContain(tokenOf(link));
    const row = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(row.inviteTokenHash).not.toBe(tokenOf(link));
    expect(row.inviteExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 71 * 3_600_000);

    // Before accepting, nothing signs in.
    expect(await codeOf(signInStaff({ email, password: "anything at all 123", address: address() }))).toBe("UNAUTHORIZED");
    expect(await findStaffInvite(tokenOf(link))).toMatchObject({ email, role: "AGENT" });

    for (const weak of ["short-one", email, "password1234"]) {
      const refused = await acceptStaffInvite({ token: tokenOf(link), password: weak, address: address() }).catch((e) => e);
      expect(refused).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "password", message: expect.any(String) }] });
    }
    const password = `correct horse battery ${run}`;
    await expect(acceptStaffInvite({ token: tokenOf(link), password, address: address() })).resolves.toEqual({ email });
    const accepted = await db().staffUser.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(accepted.passwordHash, password)).toBe(true);
    expect(accepted).toMatchObject({ inviteTokenHash: null, inviteExpiresAt: null, mustChangePassword: false });
    const session = await signInStaff({ email, password, address: address() });
    expect((await resolveStaffSession(session.token))?.stage).toBe("ready");

    // The link works once.
    expect(await findStaffInvite(tokenOf(link))).toBeNull();
    expect(await codeOf(acceptStaffInvite({ token: tokenOf(link), password: `${password}!`, address: address() }))).toBe("GONE");
    expect(await codeOf(inviteStaffUser({ email, role: "agent", actor: system }))).toBe("CONFLICT");
    const events = await db().auditEvent.findMany({
      where: { action: { in: ["staff.user-invited", "staff.invite-accepted"] }, data: { path: ["userId"], equals: accepted.id } },
    });
    expect(events.map((event) => event.action).sort()).toEqual(["staff.invite-accepted", "staff.user-invited"]);
    expect(JSON.stringify(events.map((event) => event.data))).not.toContain(tokenOf(link));
  });

  it("replaces the link when invited again, and refuses an expired one", async () => {
    const email = `auditor-${run}@example.test`;
    const started = new Date(Date.now() - 1000);
    await inviteStaffUser({ email, role: "auditor", actor: system });
    const first = tokenOf(await invitationLink(email, started));
    const again = await inviteStaffUser({ email, role: "admin", actor: system });
    expect(again).toMatchObject({ reinvited: true, role: "ADMIN" });
    expect(await findStaffInvite(first)).toBeNull();
    const second = tokenOf(again.inviteUrl);
    expect(await findStaffInvite(second)).toMatchObject({ role: "ADMIN" });

    const old = new Date(Date.now() - 73 * 3_600_000);
    const stale = await inviteStaffUser({ email, role: "admin", actor: system, now: old });
    expect(await findStaffInvite(tokenOf(stale.inviteUrl))).toBeNull();
    expect(await codeOf(acceptStaffInvite({ token: tokenOf(stale.inviteUrl), password: `fine password ${run}`, address: address() }))).toBe(
      "GONE",
    );
    const listed = (await listStaffUsers()).find((user) => user.email === email);
    expect(listed).toMatchObject({ invitation: "expired", role: "ADMIN", twoFactor: false, lastSeenAt: null });
    expect(listed).not.toHaveProperty("inviteTokenHash");
  });

  it("limits tries of invitation links per address", async () => {
    // The limit is the setting's (STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN); one try more is refused.
    const { limit } = staffAddressLimit("staff-invite-address");
    // All the tries inside one 15-minute window of the limit, whatever the clock says when they start.
    const codes = await inOneRateLimitWindow(900, async () => {
      const from = address();
      const tries: string[] = [];
      for (let i = 0; i <= limit; i++)
        tries.push(await codeOf(acceptStaffInvite({ token: randomBytes(32).toString("base64url"), password: "x", address: from })));
      return tries;
    });
    expect(codes.slice(0, limit).every((code) => code === "GONE")).toBe(true);
    expect(codes[limit]).toBe("RATE_LIMITED");
  });
});

describe("roles and accounts", () => {
  it("never leaves the portal without an active administrator", async () => {
    // This case owns the set of administrators: the others in this run's database are disabled
    // meanwhile, and enabled again at the end.
    const others = await db().staffUser.findMany({ where: { role: "ADMIN", disabledAt: null }, select: { id: true } });
    await db().staffUser.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: new Date() } });
    onTestFinished(async () => {
      await db().staffUser.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } });
    });
    const first = await activeUser("admin", "first-admin");
    expect(await codeOf(changeStaffRole({ userId: first.id, role: "agent", actor: system }))).toBe("INVALID_STATE");
    expect(await codeOf(disableStaffUser({ userId: first.id, actor: system }))).toBe("INVALID_STATE");
    // A pending invitation does not count: that person cannot sign in yet.
    await inviteStaffUser({ email: `pending-admin-${run}@example.test`, role: "admin", actor: system });
    expect(await codeOf(changeStaffRole({ userId: first.id, role: "auditor", actor: system }))).toBe("INVALID_STATE");
    // The staff page says it in the member's language; logs and the terminal keep the English.
    const refusal = await changeStaffRole({ userId: first.id, role: "auditor", actor: system }).catch((caught: unknown) => caught);
    expect((refusal as Error).message).toContain("making them auditor would leave nobody");
    expect(localiseActionError(actionError(refusal), "fr").error.message).toBe(
      `${first.email} est le dernier administrateur actif : lui donner le rôle d’auditeur ne laisserait personne pour gérer le portail. Nommez d’abord quelqu’un d’autre administrateur.`,
    );
    const selfRefusal = await disableStaffUser({ userId: first.id, actor: { type: "STAFF", id: first.id } }).catch(
      (caught: unknown) => caught,
    );
    expect(localiseActionError(actionError(selfRefusal), "fr").error.message).toBe(
      "Vous ne pouvez pas désactiver votre propre compte. Demandez-le à un autre administrateur.",
    );

    const second = await activeUser("admin", "second-admin");
    await expect(changeStaffRole({ userId: first.id, role: "agent", actor: { type: "STAFF", id: second.id } })).resolves.toMatchObject({
      changed: true,
      role: "AGENT",
    });
    expect(await codeOf(disableStaffUser({ userId: second.id, actor: { type: "STAFF", id: second.id } }))).toBe("FORBIDDEN");
    expect(await codeOf(disableStaffUser({ userId: second.id, actor: system }))).toBe("INVALID_STATE");
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: second.id } })).disabledAt).toBeNull();
    const change = await db().auditEvent.findFirstOrThrow({
      where: { action: "staff.role-changed", data: { path: ["userId"], equals: first.id } },
    });
    expect(change).toMatchObject({ actorType: "STAFF", actorId: second.id, data: { userId: first.id, from: "ADMIN", to: "AGENT" } });
  });

  it("disabling ends every session at once; enabling lets the same password in again", async () => {
    const agent = await activeUser("agent", "leaver");
    const sessions = [await createStaffSession(agent.id), await createStaffSession(agent.id)];
    expect(await resolveStaffSession(sessions[0].token)).not.toBeNull();
    const disabled = await disableStaffUser({ userId: agent.id, actor: system });
    expect(disabled).toMatchObject({ changed: true, sessionsRevoked: 2 });
    for (const session of sessions) expect(await resolveStaffSession(session.token)).toBeNull();
    const rows = await db().staffSession.findMany({ where: { userId: agent.id } });
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
    expect(await codeOf(signInStaff({ email: agent.email, password: agent.password, address: address() }))).toBe("UNAUTHORIZED");
    expect((await listStaffUsers()).find((user) => user.id === agent.id)?.disabledAt).not.toBeNull();

    await expect(enableStaffUser({ userId: agent.id, actor: system })).resolves.toMatchObject({ changed: true });
    const again = await signInStaff({ email: agent.email, password: agent.password, address: address() });
    expect((await resolveStaffSession(again.token))?.stage).toBe("ready");
    expect((await listStaffUsers()).find((user) => user.id === agent.id)?.lastSeenAt).toBeInstanceOf(Date);
  });

  it("resetting two-factor erases it and signs the person out; an admin must set it up again", async () => {
    const admin = await activeUser("admin", "lost-phone");
    await db().staffUser.update({
      where: { id: admin.id },
      data: { totpSecretEncrypted: "v1.x.y.z", totpEnabledAt: new Date(), totpLastStep: 123, recoveryCodeHashes: ["a", "b"] },
    });
    const session = await createStaffSession(admin.id);
    await db().staffSession.update({ where: { id: session.sessionId }, data: { secondFactorAt: new Date() } });
    expect((await listStaffUsers()).find((user) => user.id === admin.id)?.twoFactor).toBe(true);

    await expect(resetTwoFactor({ userId: admin.id, actor: system })).resolves.toMatchObject({ sessionsRevoked: 1 });
    expect(await resolveStaffSession(session.token)).toBeNull();
    const row = await db().staffUser.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null, recoveryCodeHashes: [] });
    const next = await signInStaff({ email: admin.email, password: admin.password, address: address() });
    expect((await resolveStaffSession(next.token))?.stage).toBe("setup-two-factor");
    expect(await codeOf(resetTwoFactor({ userId: admin.id, actor: system }))).toBe("INVALID_STATE");
  });
});
