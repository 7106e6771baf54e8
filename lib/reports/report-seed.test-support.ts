// Requests written straight into the table with known dates and outcomes, for the report tests.
import { randomUUID } from "node:crypto";
import { db } from "../db.ts";
import type { DenialReason, RequestOutcome, RequestStatus, RequestType } from "../generated/prisma/enums.ts";

export type SeededRequest = {
  reference: string;
  type: RequestType;
  status: RequestStatus;
  outcome?: RequestOutcome;
  jurisdiction: "US_CA" | "EU_GDPR";
  receivedAt: string;
  closedAt?: string;
  dueDate: string;
  denialReason?: DenialReason;
  channel?: "WEB" | "API" | "STAFF";
};

const zones = { US_CA: "America/Los_Angeles", EU_GDPR: "Europe/Paris" } as const;

export async function seedRequests(rows: SeededRequest[]) {
  await db().dsarRequest.createMany({
    data: rows.map((row) => ({
      reference: row.reference,
      submissionId: randomUUID(),
      type: row.type,
      status: row.status,
      outcome: row.outcome ?? null,
      channel: row.channel ?? "WEB",
      emailHash: "seeded",
      country: row.jurisdiction === "US_CA" ? "US" : "FR",
      jurisdiction: row.jurisdiction,
      timeZone: zones[row.jurisdiction],
      holidayRegion: row.jurisdiction === "US_CA" ? "US-CA" : "FR",
      receivedAt: new Date(row.receivedAt),
      verifyBy: new Date(Date.parse(row.receivedAt) + 7 * 86_400_000),
      dueDate: new Date(`${row.dueDate}T00:00:00Z`),
      decidedAt: row.status === "DENIED" && row.closedAt ? new Date(row.closedAt) : null,
      closedAt: row.closedAt ? new Date(row.closedAt) : null,
      denialReason: row.denialReason ?? null,
    })),
  });
}
