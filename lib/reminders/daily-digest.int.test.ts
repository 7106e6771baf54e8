// The daily digest against the real database: what each staff member's digest lists, once per
// local day from the configured hour, none when there is nothing due.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { db, disconnectDb } from "../db.ts";
import {
  createRequest,
  createRequests,
  createStaff,
  PERSON,
  plainProps,
  removeFixtures,
  staffEmails,
  staffRequestUrl,
} from "./reminder-fixtures.test-support.ts";
import { sendDailyDigests } from "./send-daily-digests.ts";
import { updateReminderSettings } from "./update-reminder-settings.ts";

// A database of its own: an admin's digest lists every unassigned open request, and the shared
// test database holds those of every other test file. Nothing reads the configuration before this.
const database = await createTestDatabase("digest");
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await removeFixtures();
  await disconnectDb();
  await database.drop();
});

const system = { type: "SYSTEM" as const };
const digests = (staffUserIds: string[]) => staffEmails({ staffUserIds, template: "staff-daily-digest" });
const url = staffRequestUrl;

describe("the daily digest", () => {
  it("lists each member's open requests due within 7 days or overdue, and the unassigned ones for admins, once a day", async () => {
    const agent = await createStaff("AGENT");
    const idleAgent = await createStaff("AGENT");
    const admin = await createStaff("ADMIN");
    const auditor = await createStaff("AUDITOR");
    const leaver = await createStaff("AGENT", { disabled: true });
    // On 10 November 2031 in Paris:
    const overdue = await createRequest({ dueDate: "2031-11-08", assigneeId: agent.id });
    const soon = await createRequest({ dueDate: "2031-11-12", assigneeId: agent.id });
    const inAWeek = await createRequest({ dueDate: "2031-11-17", assigneeId: agent.id });
    await createRequest({ dueDate: "2031-11-18", assigneeId: agent.id }); // 8 days: not yet
    await createRequest({ dueDate: "2031-11-11", assigneeId: agent.id, status: "COMPLETED" });
    await createRequest({ dueDate: "2031-11-11", assigneeId: agent.id, status: "AWAITING_SUBJECT", clockPaused: true });
    const unassigned = await createRequest({ dueDate: "2031-11-15" });
    const leftBehind = await createRequest({ dueDate: "2031-11-13", assigneeId: leaver.id });
    const everyone = [agent, idleAgent, admin, auditor, leaver].map((member) => member.id);

    // 07:30 in Paris, before the digest hour (08:00 by default): nothing yet.
    expect(await sendDailyDigests({ now: new Date("2031-11-10T06:30:00Z") })).toEqual({
      beforeDigestHour: true,
      staffCovered: 0,
      emails: 0,
    });
    expect(await digests(everyone)).toEqual([]);

    // 08:05 in Paris, from several workers at once and again later: one digest each.
    const now = new Date("2031-11-10T07:05:00Z");
    await Promise.all([sendDailyDigests({ now }), sendDailyDigests({ now }), sendDailyDigests({ now })]);
    await sendDailyDigests({ now: new Date("2031-11-10T16:00:00Z") });

    const sent = await digests(everyone);
    expect(sent.map((email) => email.staffUserId).sort()).toEqual([agent.id, admin.id].sort());
    const agentDigest = plainProps(sent.find((email) => email.staffUserId === agent.id) as (typeof sent)[number]);
    expect(agentDigest).toEqual({
      date: "2031-11-10",
      windowDays: 7,
      assigned: {
        total: 3,
        overdue: 1,
        items: [
          { reference: overdue.reference, type: "erasure", dueDate: "2031-11-08", daysLeft: -2, requestUrl: url(overdue.id) },
          { reference: soon.reference, type: "erasure", dueDate: "2031-11-12", daysLeft: 2, requestUrl: url(soon.id) },
          { reference: inAWeek.reference, type: "erasure", dueDate: "2031-11-17", daysLeft: 7, requestUrl: url(inAWeek.id) },
        ],
      },
      unassigned: null,
      dashboardUrl: `${process.env.APP_URL}/staff/requests`,
    });
    const adminDigest = plainProps(sent.find((email) => email.staffUserId === admin.id) as (typeof sent)[number]);
    expect(adminDigest.assigned).toBeNull();
    const unassignedItems = (adminDigest.unassigned as { items: Array<{ reference: string }> }).items.map((item) => item.reference);
    expect(unassignedItems).toEqual(expect.arrayContaining([unassigned.reference, leftBehind.reference]));
    expect(unassignedItems).not.toContain(soon.reference);
    for (const email of sent) expect(JSON.stringify(email.props)).not.toMatch(new RegExp(`${PERSON.email}|Secretname`));

    // Nothing due for the idle agent: no email, but the day is done for them too.
    expect(await db().staffNotification.count({ where: { dedupeKey: `digest:${idleAgent.id}:2031-11-10` } })).toBe(1);

    // The next morning, a new digest.
    await sendDailyDigests({ now: new Date("2031-11-11T07:10:00Z") });
    expect((await digests([agent.id])).map((email) => plainProps(email).date)).toEqual(["2031-11-10", "2031-11-11"]);
  });

  it("lists at most 50 requests per section while counting them all", async () => {
    const agent = await createStaff("AGENT");
    await createRequests(55, { dueDate: "2031-12-03", assigneeId: agent.id });
    await sendDailyDigests({ now: new Date("2031-12-01T09:00:00Z") });
    const [digest] = await digests([agent.id]);
    const assigned = plainProps(digest).assigned as { total: number; overdue: number; items: unknown[] };
    expect(assigned.total).toBe(55);
    expect(assigned.overdue).toBe(0);
    expect(assigned.items).toHaveLength(50);
  });

  it("waits for the hour the admins set", async () => {
    const agent = await createStaff("AGENT");
    await createRequest({ dueDate: "2031-12-12", assigneeId: agent.id });
    await updateReminderSettings({ input: { daysBefore: [7, 3, 1], digestHour: 18, escalateOverdue: true }, actor: system });
    try {
      expect((await sendDailyDigests({ now: new Date("2031-12-10T16:59:00Z") })).beforeDigestHour).toBe(true); // 17:59 in Paris
      expect(await digests([agent.id])).toHaveLength(0);
      await sendDailyDigests({ now: new Date("2031-12-10T17:00:00Z") });
      expect(await digests([agent.id])).toHaveLength(1);
    } finally {
      await updateReminderSettings({ input: { daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true }, actor: system });
    }
  });
});
