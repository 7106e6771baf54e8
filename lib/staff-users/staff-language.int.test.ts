// A staff member's language on the real database: saved from their account page (audited without
// the choice or anything about them), read back with their session, and the emails to them (a
// deadline reminder, an invitation and its renewal) written in it; English when they follow their
// browser.
import { afterAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/render-email.ts";
import { changeStaffPassword } from "../auth/change-staff-password.ts";
import { createStaffSession } from "../auth/create-staff-session.ts";
import { createStaffUser } from "../auth/create-staff-user.ts";
import { resolveStaffSession } from "../auth/resolve-staff-session.ts";
import { signInStaff } from "../auth/sign-in-staff.ts";
import { actionError } from "../auth/staff-action.ts";
import { db } from "../db.ts";
import { localiseActionError } from "../i18n/localise-action-error.ts";
import { createRequest, createStaff, plainProps, removeFixtures, staffEmails } from "../reminders/reminder-fixtures.test-support.ts";
import { sendDeadlineReminders } from "../reminders/send-deadline-reminders.ts";
import { inviteStaffUser } from "./invite-staff-user.ts";
import { reinviteStaffUser } from "./reinvite-staff-user.ts";
import { setStaffLocale } from "./set-staff-locale.ts";

const invited: string[] = [];
afterAll(async () => {
  await db().emailMessage.deleteMany({ where: { staffUserId: { in: invited } } });
  await db().staffUser.deleteMany({ where: { id: { in: invited } } });
  await removeFixtures();
});

const languageEvents = (userId: string) =>
  db().auditEvent.findMany({ where: { action: "staff.language-changed", actorId: userId }, orderBy: { id: "asc" } });

describe("a staff member's language", () => {
  it("is saved, read back with the session, and audited once per change with no data", async () => {
    const agent = await createStaff("AGENT");
    const { token } = await createStaffSession(agent.id, new Date());
    expect((await resolveStaffSession(token))?.locale).toBeNull();

    expect(await setStaffLocale({ userId: agent.id, locale: "fr" })).toEqual({ changed: true });
    expect((await resolveStaffSession(token))?.locale).toBe("fr");
    // The same choice again changes nothing and writes no second event.
    expect(await setStaffLocale({ userId: agent.id, locale: "fr" })).toEqual({ changed: false });
    expect(await setStaffLocale({ userId: agent.id, locale: null })).toEqual({ changed: true });
    expect((await resolveStaffSession(token))?.locale).toBeNull();
    expect(await setStaffLocale({ userId: agent.id, locale: null })).toEqual({ changed: false });
    expect(await setStaffLocale({ userId: agent.id, locale: "en" })).toEqual({ changed: true });

    const events = await languageEvents(agent.id);
    expect(events).toHaveLength(3);
    for (const event of events) {
      expect(event.actorType).toBe("STAFF");
      expect(event.data).toEqual({});
      expect(JSON.stringify(event.data)).not.toContain(agent.email);
    }
  });

  it("writes the reminders to a member in their saved language, and in English to one who follows the browser", async () => {
    const french = await createStaff("AGENT");
    const browser = await createStaff("AGENT");
    await setStaffLocale({ userId: french.id, locale: "fr" });
    const frenchRequest = await createRequest({ dueDate: "2032-03-20", assigneeId: french.id });
    const browserRequest = await createRequest({ dueDate: "2032-03-20", assigneeId: browser.id });
    await sendDeadlineReminders({ now: new Date("2032-03-13T08:00:00Z") });

    const [toFrench] = await staffEmails({ requestIds: [frenchRequest.id] });
    const [toBrowser] = await staffEmails({ requestIds: [browserRequest.id] });
    expect(toFrench.locale).toBe("fr");
    expect(toBrowser.locale).toBe("en");
    const rendered = await renderEmail(toFrench.template, "fr", { companyName: "Acme", ...plainProps(toFrench) });
    expect(rendered.subject).toContain("échéance dans 7\u00a0jours");
  });

  it("is chosen for a new member by the inviting administrator, and kept when the invitation is sent again", async () => {
    const email = `invited-fr-${Date.now()}@staff.example`;
    const system = { type: "SYSTEM" as const, id: "test" };
    const { userId } = await inviteStaffUser({ email, role: "agent", locale: "fr", actor: system });
    invited.push(userId);
    expect((await db().staffUser.findUniqueOrThrow({ where: { id: userId } })).locale).toBe("fr");
    await reinviteStaffUser({ userId, actor: system });
    const invitations = await db().emailMessage.findMany({ where: { staffUserId: userId, template: "staff-invitation" } });
    expect(invitations.map((message) => message.locale)).toEqual(["fr", "fr"]);
  });

  it("reads the sign-in and password refusals in French, with their numbers", async () => {
    const { user, oneTimePassword } = await createStaffUser({ email: `refused-fr-${Date.now()}@staff.example`, role: "agent" });
    invited.push(user.id);
    const refusal = async (promise: Promise<unknown>) => localiseActionError(actionError(await promise.catch((e: unknown) => e)), "fr");
    const wrong = await refusal(signInStaff({ email: user.email, password: "not it", address: `10.91.0.${Date.now() % 250}` }));
    expect(wrong.error.message).toBe("L’adresse e-mail ou le mot de passe est incorrect.");
    const { sessionId } = await signInStaff({ email: user.email, password: oneTimePassword, address: `10.92.0.${Date.now() % 250}` });
    const short = await refusal(
      changeStaffPassword({ userId: user.id, sessionId, currentPassword: oneTimePassword, newPassword: "short" }),
    );
    expect(short.error.issues).toEqual([
      expect.objectContaining({ path: "newPassword", message: "Le mot de passe doit comporter au moins 12 caractères." }),
    ]);
  });
});
