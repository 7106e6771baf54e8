// Staff ask the person for clarification or for proof of identity. Where the law allows it the
// clock stops until the answer arrives (EDPB 01/2022; ICO); elsewhere it is recorded and the
// deadline stays. The person answers on their status page.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { safeText } from "../http/safe-text.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { hasNoAddress } from "./has-no-address.ts";
import { moveRequestFrom } from "./move-request-from.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import { recordClockEvent } from "./record-clock-event.ts";

export const informationKinds = ["clarification", "identity"] as const;

export const askForInformationSchema = z.object({
  message: safeText({ multiline: true }).trim().min(10, "Say what you need from the person (at least 10 characters).").max(5000),
  kind: z.enum(informationKinds).default("clarification"),
});

export async function askForInformation(options: {
  reference: string;
  input: z.input<typeof askForInformationSchema>;
  actor: Actor;
  now?: Date;
}) {
  const { message, kind } = askForInformationSchema.parse(options.input);
  const now = options.now ?? new Date();
  const outcome = await db().$transaction(async (tx: Tx) => {
    const read = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
    if (!read)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (read.status !== "VERIFIED" && read.status !== "AWAITING_SUBJECT") {
      throw new AppError(
        "INVALID_STATE",
        `Information can be asked for on a verified request; ${read.reference} is ${read.status.toLowerCase()}.`,
        { text: { key: "staffRequest.errors.askNotVerified", values: { reference: read.reference, status: read.status } } },
      );
    }
    if (hasNoAddress(read)) {
      throw new AppError(
        "INVALID_STATE",
        `Request ${read.reference} has no email address: the company's own system filed it with an account number only, so there is nobody to write to.`,
        { text: { key: "staffRequest.errors.noAddress", values: { reference: read.reference } } },
      );
    }
    // Asking again while waiting adds a message; the clock was already stopped by the first ask.
    const alreadyWaiting = read.status === "AWAITING_SUBJECT";
    const request = await moveRequestFrom(tx, read, read.status, { status: "AWAITING_SUBJECT" });
    const clock = alreadyWaiting
      ? { result: { paused: request.clockPaused } }
      : await recordClockEvent(tx, request, { type: "PAUSE", at: now, reason: kind }, options.actor);
    await tx.subjectMessage.create({
      data: {
        requestId: request.id,
        direction: "TO_SUBJECT",
        body: message,
        authorId: options.actor.type === "STAFF" ? (options.actor.id ?? null) : null,
      },
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.information-requested",
      data: { kind, messageLength: message.length, clockPaused: clock.result.paused, again: alreadyWaiting },
    });
    const emailId = await queueRequestEmail(tx, request, "information-requested", {
      reference: request.reference,
      type: request.type.toLowerCase(),
      message,
      clockPaused: clock.result.paused,
    });
    return { emailId, clockPaused: clock.result.paused };
  });
  if (outcome.emailId) await enqueueAfterCommit("email.deliver", { emailId: outcome.emailId }, { jobId: `email-${outcome.emailId}` });
  return { clockPaused: outcome.clockPaused };
}
