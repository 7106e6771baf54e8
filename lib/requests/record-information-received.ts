// The information asked for has arrived (from the status page, or by another channel and
// recorded by staff). Clarification resumes the clock; identity, authority or fee restarts it
// where the law says so (UK: ICO guidance), otherwise it resumes.

import { db, type Tx } from "../db.ts";
import { ruleFor } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { moveRequestFrom } from "./move-request-from.ts";
import { recordClockEvent } from "./record-clock-event.ts";

export async function recordInformationReceivedInTx(
  tx: Tx,
  options: { reference: string; actor: Actor; answer?: string; submissionId?: string; now: Date },
) {
  const read = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
  if (!read || (options.submissionId && read.submissionId !== options.submissionId)) {
    throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
      text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
    });
  }
  if (read.status !== "AWAITING_SUBJECT") {
    throw new AppError("INVALID_STATE", `Request ${read.reference} is not waiting for information.`, {
      text: { key: "staffRequest.errors.notWaitingForInformation", values: { reference: read.reference } },
    });
  }
  const request = await moveRequestFrom(tx, read, "AWAITING_SUBJECT", { status: "VERIFIED" });
  const pause = await tx.clockEvent.findFirst({ where: { requestId: request.id, type: "PAUSE" }, orderBy: { at: "desc" } });
  const restarts = pause?.reason === "identity" && ruleFor(request.jurisdiction as never).restartAllowed;
  const clock = await recordClockEvent(tx, request, { type: restarts ? "RESTART" : "RESUME", at: options.now }, options.actor);
  if (options.answer) {
    await tx.subjectMessage.create({ data: { requestId: request.id, direction: "FROM_SUBJECT", body: options.answer } });
  }
  await appendAuditEvent(tx, {
    requestId: request.id,
    actor: options.actor,
    action: "request.information-received",
    data: { clock: restarts ? "restart" : "resume", dueDate: clock.result.dueDate, answerLength: options.answer?.length ?? 0 },
  });
  return { dueDate: clock.result.dueDate, restarted: restarts };
}

export async function recordInformationReceived(options: { reference: string; actor: Actor; now?: Date }) {
  const now = options.now ?? new Date();
  return db().$transaction((tx: Tx) => recordInformationReceivedInTx(tx, { ...options, now }));
}
