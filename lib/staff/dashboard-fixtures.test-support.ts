// Requests written straight into the table for the dashboard tests, with exactly the due date,
// status, assignee and tasks a test needs (filing them the way a person does is tested elsewhere).
import { randomBytes, randomUUID } from "node:crypto";
import { withFreshReference } from "../../tests/support/fresh-reference.ts";
import { emailHash, randomReference } from "../crypto.ts";
import { db } from "../db.ts";
import type { ConnectorTaskStatus, RequestStatus, RequestType } from "../generated/prisma/enums.ts";

/** A prefix no other test's addresses start with, so a search for it isolates this test's rows. */
export const uniquePrefix = () => `dash${randomBytes(4).toString("hex")}`;

/** The calendar day `days` after `day` (YYYY-MM-DD). */
export function dayPlus(day: string, days: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000);
}

export type RequestFixture = {
  email: string | null;
  status: RequestStatus;
  dueInDays: number;
  type?: RequestType;
  jurisdiction?: string;
  assigneeId?: string | null;
  clockPaused?: boolean;
  receivedAt?: Date;
  tasks?: ConnectorTaskStatus[];
};

export async function insertRequest(today: string, fixture: RequestFixture) {
  const receivedAt = fixture.receivedAt ?? new Date(Date.parse(`${today}T08:00:00Z`) - 10 * 86_400_000);
  const closed = ["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"].includes(fixture.status);
  const request = await withFreshReference(() =>
    db().dsarRequest.create({
      data: {
        reference: randomReference(),
        submissionId: randomUUID(),
        type: fixture.type ?? "ACCESS",
        status: fixture.status,
        channel: "WEB",
        email: fixture.email,
        emailHash: emailHash(fixture.email ?? `purged-${randomUUID()}@example.test`),
        country: "FR",
        jurisdiction: fixture.jurisdiction ?? "EU_GDPR",
        timeZone: "Europe/Paris",
        holidayRegion: "FR",
        receivedAt,
        verifiedAt: fixture.status === "SUBMITTED" ? null : receivedAt,
        verifyBy: new Date(receivedAt.getTime() + 7 * 86_400_000),
        dueDate: dayPlus(today, fixture.dueInDays),
        assigneeId: fixture.assigneeId ?? null,
        clockPaused: fixture.clockPaused ?? false,
        closedAt: closed ? receivedAt : null,
        purgedAt: fixture.email === null ? new Date() : null,
      },
    }),
  );
  if (fixture.tasks?.length) {
    for (const status of fixture.tasks) {
      const connector = await db().connector.create({
        data: {
          key: `dash-${randomUUID()}`,
          name: "Test source",
          type: "manual",
          actions: [],
          enabled: false,
          configEncrypted: "-",
        },
      });
      await db().connectorTask.create({ data: { requestId: request.id, connectorId: connector.id, action: request.type, status } });
    }
  }
  return request;
}
