// Staff say which of the corrections left to them they made by hand (and where, in a note kept as
// evidence), and tell the person why when some could not be made. The request then finishes: the
// finaliser sends the one completion email saying what was corrected where. Only while the request
// is in progress and its task open; the request's row lock makes a close at the same moment win or
// lose whole. The audit event counts and names declared fields only, never values or texts.
import { z } from "zod";
import { readDataMap } from "../data-map/read-data-map.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { finaliseRequest } from "../fulfilment/finalise-request.ts";
import { safeText } from "../http/safe-text.ts";
import { loggableError, logger } from "../logger.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { moveRequestFrom } from "../requests/move-request-from.ts";
import { correctionTaskItemsSchema, type RequestedCorrection } from "./correction-outcomes.ts";
import { fieldName } from "./hand-corrections-to-staff.ts";

export const completeCorrectionTaskSchema = z.object({
  /** Positions (in the request's corrections) of those staff corrected. */
  corrected: z.array(z.number().int().min(0)).default([]),
  note: safeText({ multiline: true }).trim().min(5, "Say what you corrected and where (at least 5 characters).").max(5000),
  message: safeText({ multiline: true })
    .trim()
    .max(5000)
    .transform((value) => value || undefined)
    .optional(),
});

export async function completeCorrectionTask(options: {
  reference: string;
  input: z.input<typeof completeCorrectionTaskSchema>;
  actor: Actor;
  now?: Date;
}): Promise<{ corrected: number; notCorrected: number }> {
  const { corrected, note, message } = completeCorrectionTaskSchema.parse(options.input);
  const { correctableFields } = await readDataMap();
  const declared = new Set(Object.keys(correctableFields));
  const now = options.now ?? new Date();
  const outcome = await db().$transaction(async (tx: Tx) => {
    const read = await tx.dsarRequest.findUnique({ where: { reference: options.reference }, include: { correctionTask: true } });
    if (!read) throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`);
    const task = read.correctionTask;
    if (!task) throw new AppError("NOT_FOUND", `Request ${read.reference} has no corrections waiting for staff.`);
    if (read.status !== "IN_PROGRESS" || task.status !== "OPEN") {
      throw new AppError(
        "INVALID_STATE",
        task.status === "DONE"
          ? "These corrections were already completed."
          : `Request ${read.reference} is ${read.status.toLowerCase()}: its corrections can no longer be completed.`,
      );
    }
    const items = correctionTaskItemsSchema.parse(task.items);
    const unknown = corrected.filter((index) => !items.some((item) => item.index === index));
    if (unknown.length) throw new AppError("BAD_REQUEST", `Correction ${unknown[0] + 1} is not one of those waiting for staff.`);
    const results = items.map((item) => ({ index: item.index, corrected: corrected.includes(item.index) }));
    const notCorrected = results.filter((result) => !result.corrected).length;
    if (notCorrected > 0 && !message) {
      throw new AppError("BAD_REQUEST", "Some corrections were not made: tell the person why (message to the person).");
    }
    await moveRequestFrom(tx, read, "IN_PROGRESS");
    const moved = await tx.correctionTask.updateMany({
      where: { id: task.id, status: "OPEN" },
      data: {
        status: "DONE",
        results,
        note,
        message: message ?? null,
        completedAt: now,
        completedById: options.actor.type === "STAFF" ? (options.actor.id ?? null) : null,
      },
    });
    if (moved.count === 0) throw new AppError("CONFLICT", "These corrections were completed meanwhile; reload the page.");
    const corrections = (Array.isArray(read.corrections) ? read.corrections : []) as RequestedCorrection[];
    await appendAuditEvent(tx, {
      requestId: read.id,
      actor: options.actor,
      action: "request.corrections-completed-by-staff",
      data: {
        corrected: results.length - notCorrected,
        notCorrected,
        items: results.map((result) => ({ ...result, field: fieldName(corrections[result.index]?.field, declared) })),
        noteLength: note.length,
        messageLength: message?.length ?? 0,
      },
    });
    return { requestId: read.id, corrected: results.length - notCorrected, notCorrected };
  });
  // The completion itself is the finaliser's; should it fail here, the stalled-fulfilment sweep runs it.
  try {
    await finaliseRequest(outcome.requestId);
  } catch (error) {
    logger.warn({ requestId: outcome.requestId, err: loggableError(error) }, "request not finalised after its corrections; the sweep will");
    await enqueueAfterCommit(
      "fulfilment.finalise",
      { requestId: outcome.requestId },
      { jobId: `finalise-${outcome.requestId}-corrections` },
    ).catch(() => undefined);
  }
  return { corrected: outcome.corrected, notCorrected: outcome.notCorrected };
}
