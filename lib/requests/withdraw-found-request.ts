// Withdraws one request the caller has already found and is entitled to withdraw (the person by
// their status link, an authorized agent by its token): status WITHDRAWN, open work cancelled, the
// person told. Inside the caller's transaction; the caller enqueues the email and clears the work.
import type { Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { type CancelledWork, cancelRequestWork } from "../fulfilment/cancel-request-work.ts";
import type { DsarRequest } from "../generated/prisma/client.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import { assertTransition } from "./request-status.ts";

export type WithdrawnWork = { emailId: string | null; work: CancelledWork };

/** Null when the request was already withdrawn (twice at once, a double click): the first did it. */
export async function withdrawFoundRequest(tx: Tx, request: DsarRequest, actor: Actor, now: Date): Promise<WithdrawnWork | null> {
  if (request.status === "WITHDRAWN") return null;
  assertTransition(request.reference, request.status, "WITHDRAWN");
  const moved = await tx.dsarRequest.updateMany({
    where: { id: request.id, status: request.status },
    data: { status: "WITHDRAWN", outcome: "WITHDRAWN", closedAt: now },
  });
  if (moved.count === 0) {
    const current = await tx.dsarRequest.findUnique({ where: { id: request.id }, select: { status: true } });
    if (current?.status === "WITHDRAWN") return null;
    throw new AppError("CONFLICT", "The request changed meanwhile: reload the page and try again.");
  }
  const work = await cancelRequestWork(tx, request.id, now);
  await appendAuditEvent(tx, {
    requestId: request.id,
    actor,
    action: "request.withdrawn",
    data: { from: request.status, cancelledTasks: work.cancelled },
  });
  const emailId = await queueRequestEmail(tx, request, "request-withdrawn", {
    reference: request.reference,
    type: request.type.toLowerCase(),
  });
  return { emailId, work };
}
