// Requests to hang audit events on, for the sequencer's tests and the audit log benchmark: bare rows
// with the columns a request must have, references drawn from the ids so two calls never collide.
import { randomUUID } from "node:crypto";
import type { Db } from "../db.ts";

export async function seedAuditRequests(client: Db, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await client.dsarRequest.createMany({
    data: ids.map((id) => ({
      id,
      reference: `DSR-AUD-${id}`,
      submissionId: randomUUID(),
      type: "ACCESS" as const,
      status: "IN_PROGRESS" as const,
      channel: "WEB" as const,
      emailHash: randomUUID(),
      country: "FR",
      jurisdiction: "EU_GDPR",
      timeZone: "Europe/Paris",
      holidayRegion: "FR",
      verifyBy: new Date(),
      dueDate: new Date(),
    })),
  });
  return ids;
}

/** A promise to release by hand: holds a transaction open until the test says so. */
export function gate(): { wait: Promise<void>; open(): void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}
