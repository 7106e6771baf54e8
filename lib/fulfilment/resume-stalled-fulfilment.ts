// The fan-out's safety net: a request approved but whose flow never reached the queue (the
// process died between the commit and the enqueue, or the queue store lost its data) gets its
// flow added again. Job ids derive from the rows, so nothing done is done twice.
import { db } from "../db.ts";
import { logger } from "../logger.ts";
import { getQueue } from "../queue/enqueue.ts";
import { queueNames } from "../queue/jobs.ts";
import { finaliseRequest } from "./finalise-request.ts";
import { startFulfilment } from "./start-fulfilment.ts";

export async function resumeStalledFulfilment(now = new Date(), olderThanMs = 10 * 60_000): Promise<{ resumed: number }> {
  const requests = await db().dsarRequest.findMany({
    where: {
      status: "IN_PROGRESS",
      decidedAt: { lt: new Date(now.getTime() - olderThanMs) },
      tasks: { some: { status: "PENDING" } },
    },
    select: { id: true },
    take: 200,
  });
  let resumed = 0;
  const finalisers = getQueue(queueNames.fulfilment);
  for (const { id } of requests) {
    if (await finalisers.getJob(`finalise-${id}`)) continue;
    await startFulfilment(id);
    logger.warn({ requestId: id }, "fulfilment flow was missing; added again");
    resumed++;
  }
  // Corrections staff completed whose finaliser did not run (the process died just after).
  const corrected = await db().dsarRequest.findMany({
    where: {
      status: "IN_PROGRESS",
      correctionTask: { status: "DONE", completedAt: { lt: new Date(now.getTime() - olderThanMs) } },
      tasks: { every: { status: "SUCCEEDED" } },
    },
    select: { id: true },
    take: 200,
  });
  for (const { id } of corrected) {
    if ((await finaliseRequest(id)) === "completed") resumed++;
  }
  return { resumed };
}
