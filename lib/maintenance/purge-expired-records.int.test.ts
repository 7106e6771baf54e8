// The housekeeping purge removes ended staff sessions and once-only notice markers that can no
// longer matter, and keeps those of open requests (or their reminders would go out again).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createStaffSession } from "../auth/create-staff-session.ts";
import { createStaffUser } from "../auth/create-staff-user.ts";
import { db } from "../db.ts";
import { purgeExpiredRecords } from "./purge-expired-records.ts";

const DAY = 86_400_000;
// A run-wide unique part and a counter: two requests of this file never draw the same reference
// (four random hex digits did, once in 65,536 runs, failing on the unique index).
const run = randomUUID();
let made = 0;

async function requestWithStatus(status: "VERIFIED" | "COMPLETED") {
  return db().dsarRequest.create({
    data: {
      reference: `DSR-PURG-${run}-${made++}`,
      submissionId: randomUUID(),
      type: "ACCESS",
      status,
      channel: "WEB",
      emailHash: randomUUID(),
      country: "FR",
      jurisdiction: "EU_GDPR",
      timeZone: "Europe/Paris",
      holidayRegion: "FR",
      verifyBy: new Date(),
      dueDate: new Date(),
    },
  });
}

describe("purgeExpiredRecords", () => {
  it("deletes sessions ended a month ago and stale notice markers, keeping those of open requests", async () => {
    const now = new Date();
    const { user } = await createStaffUser({ email: `purge-${Date.now()}@staff.test`, role: "agent" });
    const old = await createStaffSession(user.id, new Date(now.getTime() - 40 * DAY));
    const current = await createStaffSession(user.id, now);
    const open = await requestWithStatus("VERIFIED");
    const closed = await requestWithStatus("COMPLETED");
    const tenDaysAgo = new Date(now.getTime() - 10 * DAY);
    const suffix = randomUUID();
    await db().staffNotification.createMany({
      data: [
        { dedupeKey: `due:${open.id}:${suffix}`, kind: "due", requestId: open.id, createdAt: tenDaysAgo },
        { dedupeKey: `due:${closed.id}:${suffix}`, kind: "due", requestId: closed.id, createdAt: tenDaysAgo },
        { dedupeKey: `digest:${user.id}:${suffix}`, kind: "digest", staffUserId: user.id, createdAt: tenDaysAgo },
        { dedupeKey: `digest:${user.id}:${suffix}:today`, kind: "digest", staffUserId: user.id, createdAt: now },
      ],
    });

    const result = await purgeExpiredRecords(now);

    expect(result.staffSessions).toBeGreaterThanOrEqual(1);
    expect(await db().staffSession.findUnique({ where: { id: old.sessionId } })).toBeNull();
    expect(await db().staffSession.findUnique({ where: { id: current.sessionId } })).not.toBeNull();
    const left = await db().staffNotification.findMany({ where: { dedupeKey: { contains: suffix } }, select: { dedupeKey: true } });
    expect(left.map((n) => n.dedupeKey).sort()).toEqual([`digest:${user.id}:${suffix}:today`, `due:${open.id}:${suffix}`].sort());
  });
});
