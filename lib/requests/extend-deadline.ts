// Staff extend the time to answer, with reasons the person is told (GDPR Art. 12(3); CCPA
// §7021(b)). Refused, with a message naming the dates, where the law allows none, where the
// notice comes too late, or beyond the maximum.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { safeText } from "../http/safe-text.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { moveRequestFrom } from "./move-request-from.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import { recordClockEvent } from "./record-clock-event.ts";
import { isOpen, openStatuses } from "./request-status.ts";

export const extendDeadlineSchema = z.object({
  reason: safeText({ multiline: true }).trim().min(10, "Give the reasons the person will read (at least 10 characters).").max(2000),
  days: z.number().int().min(1).max(90).optional(),
  months: z.number().int().min(1).max(2).optional(),
});

export async function extendDeadline(options: {
  reference: string;
  input: z.input<typeof extendDeadlineSchema>;
  actor: Actor;
  now?: Date;
}) {
  const { reason, days, months } = extendDeadlineSchema.parse(options.input);
  if (days && months)
    throw new AppError("BAD_REQUEST", "Give the extension in days or in months, not both.", {
      text: { key: "staffRequest.errors.extendDaysOrMonths" },
    });
  const now = options.now ?? new Date();
  const outcome = await db().$transaction(async (tx: Tx) => {
    const read = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
    if (!read)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (!isOpen(read.status) || read.status === "SUBMITTED") {
      throw new AppError(
        "INVALID_STATE",
        `Only an open, verified request can be extended; ${read.reference} is ${read.status.toLowerCase()}.`,
        { text: { key: "staffRequest.errors.extendNotOpen", values: { reference: read.reference, status: read.status } } },
      );
    }
    // Compatible with any change that keeps the request open; refused if it closed meanwhile.
    const request = await moveRequestFrom(
      tx,
      read,
      openStatuses.filter((status) => status !== "SUBMITTED"),
    );
    const { previousDueDate, result } = await recordClockEvent(
      tx,
      request,
      { type: "EXTEND", at: now, reason, days, months },
      options.actor,
    );
    const emailId = await queueRequestEmail(tx, request, "deadline-extended", {
      reference: request.reference,
      type: request.type.toLowerCase(),
      reason,
      previousDueDate,
      newDueDate: result.dueDate,
    });
    return { emailId, previousDueDate, dueDate: result.dueDate };
  });
  if (outcome.emailId) await enqueueAfterCommit("email.deliver", { emailId: outcome.emailId }, { jobId: `email-${outcome.emailId}` });
  return { previousDueDate: outcome.previousDueDate, dueDate: outcome.dueDate };
}
