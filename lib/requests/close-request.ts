// Staff close an approved request by hand: the work was done outside the connectors (a task
// failed and was done manually, a source answered by post), in whole or in part. A partial answer
// refuses the rest, so the person is told what was not done, why, and where to complain.
//
// Refused while a connector task is queued or running: it would still act on the person's data
// after the request was closed. Failed tasks, and tasks waiting for staff or a callback, do not
// block: closing is how staff settle them, and cancels them (their jobs and staging files go).
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { cancelRequestWork, clearCancelledWork } from "../fulfilment/cancel-request-work.ts";
import { safeText } from "../http/safe-text.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { complaintRouteFor } from "./complaint-authorities.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import type { Locale } from "./request-input.schema.ts";
import { assertTransition } from "./request-status.ts";

export const CLOSE_MESSAGE_MAX = 5000;

export const closeRequestSchema = z
  .object({
    outcome: z.enum(["FULFILLED", "PARTIALLY_FULFILLED"], { message: "Choose FULFILLED or PARTIALLY_FULFILLED." }),
    /** Shown to the person; required for a partial answer. */
    message: safeText({ multiline: true })
      .trim()
      .max(CLOSE_MESSAGE_MAX, `Keep it under ${CLOSE_MESSAGE_MAX} characters.`)
      .nullish()
      .transform((value) => value || undefined),
  })
  .refine((input) => input.outcome === "FULFILLED" || (input.message?.length ?? 0) >= 10, {
    path: ["message"],
    message: "For a partial answer, tell the person what was not done and why (at least 10 characters).",
  });

export type CloseRequestInput = z.input<typeof closeRequestSchema>;

export async function closeRequest(options: CloseRequestInput & { reference: string; actor: Actor; now?: Date }) {
  const { outcome, message } = closeRequestSchema.parse({ outcome: options.outcome, message: options.message });
  const now = options.now ?? new Date();
  const { emailId, work } = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: { reference: options.reference }, include: { tasks: true } });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (request.status !== "APPROVED" && request.status !== "IN_PROGRESS") {
      throw new AppError(
        "INVALID_STATE",
        `Only an approved request can be closed by hand; ${request.reference} is ${request.status.toLowerCase()}.`,
        { text: { key: "staffRequest.errors.closeNotApproved", values: { reference: request.reference, status: request.status } } },
      );
    }
    assertTransition(request.reference, request.status, "COMPLETED");
    const busy = request.tasks.filter((task) => task.status === "PENDING" || task.status === "RUNNING").length;
    if (busy > 0) {
      throw new AppError(
        "INVALID_STATE",
        `${busy} connector task(s) of ${request.reference} are still queued or running; wait until they finish or fail, then close.`,
        { text: { key: "staffRequest.errors.closeTasksBusy", values: { reference: request.reference, count: busy } } },
      );
    }
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: { status: "COMPLETED", outcome, closedAt: now },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", `Request ${request.reference} changed meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.changedMeanwhile", values: { reference: request.reference } },
      });
    // The row is locked now: a retry that queued a task since the read above is seen here.
    const queued = await tx.connectorTask.count({ where: { requestId: request.id, status: { in: ["PENDING", "RUNNING"] } } });
    if (queued > 0)
      throw new AppError("CONFLICT", `A connector task of ${request.reference} was queued meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.closeTaskQueued", values: { reference: request.reference } },
      });
    const work = await cancelRequestWork(tx, request.id, now);
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.closed",
      data: {
        outcome,
        from: request.status,
        unfinishedTasks: request.tasks.filter((task) => task.status !== "SUCCEEDED").length,
        cancelledTasks: work.cancelled,
        messageLength: message?.length ?? 0,
      },
    });
    const partial = outcome === "PARTIALLY_FULFILLED";
    const emailId = await queueRequestEmail(tx, request, "request-closed", {
      reference: request.reference,
      type: request.type.toLowerCase(),
      outcome: partial ? "partially-fulfilled" : "fulfilled",
      ...(message ? { message } : {}),
      ...(partial ? { complaint: complaintRouteFor(request, request.locale as Locale) } : {}),
    });
    return { emailId, work };
  });
  await clearCancelledWork(work);
  if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return { reference: options.reference, status: "COMPLETED" as const, outcome };
}
