// Staff write to the person about their request: the message is kept with the request, shown on
// the person's status page (where they can answer) and emailed through the outbox with a fresh
// status link. Only once the person proved their address (never to an unverified one), until the
// retention purge removes it. The audit event holds the message's length, never its text.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { safeText } from "../http/safe-text.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { hasNoAddress } from "./has-no-address.ts";
import { moveRequestFrom } from "./move-request-from.ts";
import { queueRequestEmail } from "./queue-request-email.ts";

export const sendMessageToPersonSchema = z.object({
  message: safeText({ multiline: true }).trim().min(2, "Write the message to the person.").max(5000, "At most 5,000 characters."),
});

const unverified = ["SUBMITTED", "EXPIRED"];

export async function sendMessageToPerson(options: { reference: string; input: z.input<typeof sendMessageToPersonSchema>; actor: Actor }) {
  const { message } = sendMessageToPersonSchema.parse(options.input);
  const emailId = await db().$transaction(async (tx: Tx) => {
    const read = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
    if (!read)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (unverified.includes(read.status)) {
      throw new AppError(
        "INVALID_STATE",
        `Request ${read.reference} was never confirmed by the person: nothing is sent to an unproven address.`,
        { text: { key: "staffRequest.errors.messageUnverified", values: { reference: read.reference } } },
      );
    }
    if (hasNoAddress(read)) {
      throw new AppError(
        "INVALID_STATE",
        `Request ${read.reference} has no email address: the company's own system filed it with an account number only, so there is nobody to write to.`,
        { text: { key: "staffRequest.errors.noAddress", values: { reference: read.reference } } },
      );
    }
    if (!read.email || read.purgedAt) {
      throw new AppError("INVALID_STATE", `The person's details of ${read.reference} were removed.`, {
        text: { key: "staffRequest.errors.personRemoved", values: { reference: read.reference } },
      });
    }
    // The row lock with the status read: a change of the request at the same moment comes first or after.
    const request = await moveRequestFrom(tx, read, read.status);
    const created = await tx.subjectMessage.create({
      data: {
        requestId: request.id,
        direction: "TO_SUBJECT",
        body: message,
        authorId: options.actor.type === "STAFF" ? (options.actor.id ?? null) : null,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.message-sent",
      data: { messageId: created.id, messageLength: message.length },
    });
    return queueRequestEmail(tx, request, "team-message", { reference: request.reference, type: request.type.toLowerCase(), message });
  });
  if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
}
