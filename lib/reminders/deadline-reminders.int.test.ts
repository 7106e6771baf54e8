// The deadline sweep against the real database: each reminder once, whatever the number of sweeps
// and however they overlap; nothing for closed or paused requests; the extension-notice reminder;
// overdue escalation to every active admin; unassigned requests remind the admins.
import { afterAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../emails/render-email.ts";
import { db } from "../db.ts";
import {
  activeAdminIds,
  createRequest,
  createRequests,
  createStaff,
  PERSON,
  plainProps,
  removeFixtures,
  requestsMadeHere,
  staffEmails,
  staffRequestUrl,
} from "./reminder-fixtures.test-support.ts";
import { sendDeadlineReminders } from "./send-deadline-reminders.ts";
import { updateReminderSettings } from "./update-reminder-settings.ts";

afterAll(removeFixtures);

/** 09:00 in Paris on a winter day (UTC+1). */
const morning = (isoDay: string) => new Date(`${isoDay}T08:00:00Z`);
const system = { type: "SYSTEM" as const };

/** Sweeps started at the same moment (as by several workers), then again one after the other. */
async function sweepTwiceAndConcurrently(now: Date) {
  await Promise.all([sendDeadlineReminders({ now }), sendDeadlineReminders({ now }), sendDeadlineReminders({ now })]);
  await sendDeadlineReminders({ now });
  await sendDeadlineReminders({ now });
}

describe("deadline reminders", () => {
  it("reminds the assignee 7, 3 and 1 days before the due date, once each, however many sweeps run", async () => {
    const agent = await createStaff("AGENT");
    const request = await createRequest({ dueDate: "2031-01-20", assigneeId: agent.id });

    for (const [today, expected] of [
      ["2031-01-12", 0], // 8 days left: before the first point
      ["2031-01-13", 1], // 7 days
      ["2031-01-15", 1], // 5 days: still the 7-day point, already sent
      ["2031-01-17", 2], // 3 days
      ["2031-01-19", 3], // 1 day
      ["2031-01-20", 3], // due today: the 1-day point, already sent
    ] as const) {
      await sweepTwiceAndConcurrently(morning(today));
      expect(await staffEmails({ requestIds: [request.id] }), today).toHaveLength(expected);
    }

    const emails = await staffEmails({ requestIds: [request.id] });
    expect(emails.map((email) => [email.to, email.staffUserId, email.template])).toEqual(
      Array(3).fill([agent.email, agent.id, "staff-deadline-reminder"]),
    );
    expect(emails.map((email) => plainProps(email).daysLeft)).toEqual([7, 3, 1]);
    expect(plainProps(emails[0])).toEqual({
      kind: "due",
      reference: request.reference,
      type: "erasure",
      date: "2031-01-20",
      daysLeft: 7,
      dueDate: "2031-01-20",
      // Not extended: the due date is also the last day to announce an extension, said in the same email.
      extendBy: "2031-01-20",
      assignedToYou: true,
      requestUrl: staffRequestUrl(request.id),
    });
    // Compared as a set: sweeps a millisecond apart can give two markers the same createdAt.
    const keys = await db().staffNotification.findMany({ where: { requestId: request.id } });
    expect(keys.map((key) => key.dedupeKey).sort()).toEqual([7, 3, 1].map((n) => `due:${request.id}:2031-01-20:${n}`).sort());
    for (const email of emails) expect(JSON.stringify(email.props)).not.toMatch(/zoe|secretname/i);
  });

  it("sends each reminder once when sweeps run at the same moment over many requests", async () => {
    const agent = await createStaff("AGENT");
    const requestIds = await createRequests(1000, { dueDate: "2031-01-31", assigneeId: agent.id });
    const runs = await Promise.all([1, 2, 3, 4].map(() => sendDeadlineReminders({ now: morning("2031-01-24") })));
    expect(runs.reduce((sum, run) => sum + run.due.emails, 0)).toBe(1000);
    const emails = await staffEmails({ requestIds });
    expect(new Set(emails.map((email) => email.requestId)).size).toBe(1000);
    expect(emails).toHaveLength(1000);
  });

  it("sends only the most urgent point when the sweep missed the earlier ones", async () => {
    const agent = await createStaff("AGENT");
    const request = await createRequest({ dueDate: "2031-02-10", assigneeId: agent.id });
    await sendDeadlineReminders({ now: morning("2031-02-08") });
    const emails = await staffEmails({ requestIds: [request.id] });
    expect(emails.map((email) => plainProps(email).daysLeft)).toEqual([2]);
    expect(await db().staffNotification.count({ where: { dedupeKey: `due:${request.id}:2031-02-10:3` } })).toBe(1);
  });

  it("counts the days in the controller's time zone", async () => {
    const agent = await createStaff("AGENT");
    const request = await createRequest({ dueDate: "2031-02-20", assigneeId: agent.id });
    // 23:30 in Paris on the 12th: 8 days left there, though it is already the 13th nowhere yet.
    await sendDeadlineReminders({ now: new Date("2031-02-12T22:30:00Z") });
    expect(await staffEmails({ requestIds: [request.id] })).toHaveLength(0);
    // 00:30 in Paris on the 13th (still the 12th in UTC): 7 days left.
    await sendDeadlineReminders({ now: new Date("2031-02-12T23:30:00Z") });
    expect((await staffEmails({ requestIds: [request.id] })).map((email) => plainProps(email).daysLeft)).toEqual([7]);
  });

  it("sends nothing for closed, unverified or paused requests", async () => {
    const agent = await createStaff("AGENT");
    const quiet = await Promise.all(
      (["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED", "SUBMITTED"] as const).map((status) =>
        createRequest({ dueDate: "2031-03-04", status, assigneeId: agent.id }),
      ),
    );
    const paused = await createRequest({ dueDate: "2031-03-04", status: "AWAITING_SUBJECT", clockPaused: true, assigneeId: agent.id });
    const waitingButRunning = await createRequest({ dueDate: "2031-03-04", status: "AWAITING_SUBJECT", assigneeId: agent.id });

    for (const today of ["2031-03-01", "2031-03-03", "2031-03-05"]) await sendDeadlineReminders({ now: morning(today) });

    expect(await staffEmails({ requestIds: [...quiet, paused].map((request) => request.id) })).toEqual([]);
    expect(await db().staffNotification.count({ where: { requestId: { in: [...quiet, paused].map((r) => r.id) } } })).toBe(0);
    // The same dates on an open request with a running clock: the 3-day and 1-day points, then overdue.
    const control = await staffEmails({ requestIds: [waitingButRunning.id] });
    expect(control.filter((email) => email.template === "staff-deadline-reminder")).toHaveLength(2);
    expect(await db().staffNotification.count({ where: { dedupeKey: `overdue:${waitingButRunning.id}:2031-03-04` } })).toBe(1);
  });

  it("reminds the assignee before the last day to announce an extension, until the request is extended", async () => {
    const agent = await createStaff("AGENT");
    // Notice dates before the due date, so the two kinds of reminder cannot be confused.
    const open = await createRequest({ dueDate: "2031-04-30", extensionNoticeBy: "2031-04-10", assigneeId: agent.id });
    const extended = await createRequest({ dueDate: "2031-04-30", extensionNoticeBy: "2031-04-10", extended: true, assigneeId: agent.id });
    const noExtensionPossible = await createRequest({ dueDate: "2031-04-30", extensionNoticeBy: null, assigneeId: agent.id });
    const ids = [open.id, extended.id, noExtensionPossible.id];

    await sweepTwiceAndConcurrently(morning("2031-04-06")); // 4 days before the notice date
    expect(await staffEmails({ requestIds: ids })).toHaveLength(0);
    await sweepTwiceAndConcurrently(morning("2031-04-07"));
    await sweepTwiceAndConcurrently(morning("2031-04-09"));
    await sweepTwiceAndConcurrently(morning("2031-04-10"));

    const emails = await staffEmails({ requestIds: ids });
    expect(emails.map((email) => [email.requestId, email.to, plainProps(email).kind, plainProps(email).daysLeft])).toEqual([
      [open.id, agent.email, "extension-notice", 3],
      [open.id, agent.email, "extension-notice", 1],
    ]);
    expect(plainProps(emails[0])).toMatchObject({ date: "2031-04-10", dueDate: "2031-04-30" });
  });

  it("escalates an overdue request to every active admin once per due date, and again once it is extended", async () => {
    const agent = await createStaff("AGENT");
    const admins = [await createStaff("ADMIN"), await createStaff("ADMIN")];
    const disabledAdmin = await createStaff("ADMIN", { disabled: true });
    const request = await createRequest({ dueDate: "2031-05-05", assigneeId: agent.id });
    const escalations = () => staffEmails({ requestIds: [request.id], template: "staff-overdue-escalation" });

    await sweepTwiceAndConcurrently(morning("2031-05-05")); // due today: not overdue yet
    expect(await escalations()).toHaveLength(0);
    await sweepTwiceAndConcurrently(morning("2031-05-06"));
    await sweepTwiceAndConcurrently(morning("2031-05-09"));

    const first = await escalations();
    const everyAdmin = await activeAdminIds();
    expect(first.map((email) => email.staffUserId).sort()).toEqual(everyAdmin);
    expect(everyAdmin).toEqual(expect.arrayContaining(admins.map((admin) => admin.id)));
    expect(first.some((email) => email.staffUserId === disabledAdmin.id || email.staffUserId === agent.id)).toBe(false);
    expect(plainProps(first[0])).toEqual({
      reference: request.reference,
      type: "erasure",
      dueDate: "2031-05-05",
      daysOverdue: 1,
      assignee: agent.email,
      requestUrl: staffRequestUrl(request.id),
    });

    // Extended (the due date is recomputed): a new date, so a new escalation when that one passes too.
    await db().dsarRequest.update({ where: { id: request.id }, data: { dueDate: new Date("2031-06-05T00:00:00Z"), extended: true } });
    await sweepTwiceAndConcurrently(morning("2031-06-01"));
    expect(await escalations()).toHaveLength(everyAdmin.length);
    await sweepTwiceAndConcurrently(morning("2031-06-07"));
    const all = await escalations();
    expect(all).toHaveLength(2 * everyAdmin.length);
    expect(all.slice(everyAdmin.length).map((email) => plainProps(email).dueDate)).toEqual(Array(everyAdmin.length).fill("2031-06-05"));
  });

  it("does not escalate when the admins turned escalation off", async () => {
    await createStaff("ADMIN");
    const request = await createRequest({ dueDate: "2031-07-01" });
    await updateReminderSettings({ input: { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: false }, actor: system });
    try {
      const counts = await sendDeadlineReminders({ now: morning("2031-07-03") });
      expect(counts.overdue).toEqual({ notices: 0, emails: 0 });
      expect(await staffEmails({ requestIds: [request.id] })).toHaveLength(0);
    } finally {
      await updateReminderSettings({ input: { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true }, actor: system });
    }
  });

  it("reminds every active admin of an unassigned request, or of one whose assignee left", async () => {
    const admin = await createStaff("ADMIN");
    const formerAgent = await createStaff("AGENT", { disabled: true });
    const unassigned = await createRequest({ dueDate: "2031-08-10" });
    const orphaned = await createRequest({ dueDate: "2031-08-10", assigneeId: formerAgent.id });
    const counts = await sendDeadlineReminders({ now: morning("2031-08-07") });
    await sendDeadlineReminders({ now: morning("2031-08-07") });

    const everyAdmin = await activeAdminIds();
    for (const request of [unassigned, orphaned]) {
      const emails = await staffEmails({ requestIds: [request.id] });
      expect(emails.map((email) => email.staffUserId).sort()).toEqual(everyAdmin);
      expect(emails.every((email) => plainProps(email).assignedToYou === false)).toBe(true);
    }
    expect(everyAdmin).toContain(admin.id);
    expect(counts.due.notices).toBe(2);
    expect(counts.due.emails).toBe(2 * everyAdmin.length);
  });

  it("uses the reminder points the admins set", async () => {
    const agent = await createStaff("AGENT");
    const request = await createRequest({ dueDate: "2031-09-30", assigneeId: agent.id });
    await updateReminderSettings({ input: { daysBefore: [2, 14], digestHour: 8, escalateOverdue: true }, actor: system });
    try {
      for (const today of ["2031-09-16", "2031-09-23", "2031-09-28", "2031-09-29"]) await sendDeadlineReminders({ now: morning(today) });
      expect((await staffEmails({ requestIds: [request.id] })).map((email) => plainProps(email).daysLeft)).toEqual([14, 2]);
    } finally {
      await updateReminderSettings({ input: { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true }, actor: system });
    }
  });

  it("writes props every staff template accepts, without the person's name or email address", async () => {
    const rows = await db().emailMessage.findMany({
      // This file's emails only: another file's invitation or assignment may be pending in the shared database.
      where: { template: { startsWith: "staff-" }, status: "PENDING", requestId: { in: requestsMadeHere() } },
      select: { template: true, props: true, to: true },
      distinct: ["template"],
    });
    expect(rows.map((row) => row.template).sort()).toEqual(["staff-deadline-reminder", "staff-overdue-escalation"]);
    for (const row of rows) {
      const { subject, text } = await renderEmail(row.template, "en", { companyName: "Example Company", ...plainProps(row) });
      expect(`${row.to} ${subject} ${text}`).not.toMatch(new RegExp(`${PERSON.email}|Secretname`));
    }
  });
});
