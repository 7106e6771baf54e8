// Staff give a request to a colleague (or take it back): the assignee sees it under "assigned to
// me", gets its reminders, and is told by email unless they assigned it to themselves. Only
// active agents and admins can hold a request; auditors read.
import { z } from "zod";
import { staffEmailLocale } from "../auth/staff-email-locale.ts";
import { normaliseEmail } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { AppError } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { staffRequestProps } from "./queue-assignee-notice.ts";
import { isOpen } from "./request-status.ts";

export const assignRequestSchema = z.object({
  /** null (or an empty field) unassigns. */
  assigneeEmail: z
    .union([z.literal(""), z.email("Give the assignee's email address.")])
    .nullable()
    .transform((value) => (value ? normaliseEmail(value) : null)),
});

export async function assignRequest(options: { reference: string; assigneeEmail: string | null; actor: Actor }) {
  const { assigneeEmail } = assignRequestSchema.parse({ assigneeEmail: options.assigneeEmail });
  const { emailId, ...result } = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({ where: { reference: options.reference } });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (!isOpen(request.status)) {
      throw new AppError(
        "INVALID_STATE",
        `Request ${request.reference} is closed (${request.status.toLowerCase()}); it cannot be assigned.`,
        { text: { key: "staffRequest.errors.assignClosed", values: { reference: request.reference, status: request.status } } },
      );
    }
    const assignee = assigneeEmail ? await activeAssignee(tx, assigneeEmail) : null;
    const assigneeId = assignee?.id ?? null;
    if (request.assigneeId === assigneeId) return { reference: request.reference, assigneeId, changed: false, emailId: null };
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, assigneeId: request.assigneeId },
      data: { assigneeId },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", `Request ${request.reference} was reassigned meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.reassignedMeanwhile", values: { reference: request.reference } },
      });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.assigned",
      data: { assigneeId, previousAssigneeId: request.assigneeId },
    });
    const selfAssigned = options.actor.type === "STAFF" && options.actor.id === assigneeId;
    const emailId =
      assignee && !selfAssigned
        ? await queueEmail(tx, {
            template: "staff-request-assigned",
            locale: staffEmailLocale(assignee.locale),
            to: assignee.email,
            staffUserId: assignee.id,
            requestId: request.id,
            props: { ...staffRequestProps(request), assignedBy: await assignedBy(tx, options.actor) },
          })
        : null;
    return { reference: request.reference, assigneeId, changed: true, emailId };
  });
  if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return result;
}

/** Who to name in the email: a colleague by their address, an integration by its key's name. */
async function assignedBy(tx: Tx, actor: Actor): Promise<string | null> {
  if (actor.type === "STAFF" && actor.id)
    return (await tx.staffUser.findUnique({ where: { id: actor.id }, select: { email: true } }))?.email ?? null;
  if (actor.type === "API_KEY" && actor.id)
    return (await tx.apiKey.findUnique({ where: { id: actor.id }, select: { name: true } }))?.name ?? null;
  return null;
}

async function activeAssignee(tx: Tx, email: string) {
  const user = await tx.staffUser.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, disabledAt: true, locale: true },
  });
  if (!user)
    throw new AppError("NOT_FOUND", `No staff account has the email ${email}.`, {
      text: { key: "staffRequest.errors.noStaffAccount", values: { email } },
    });
  if (user.disabledAt) {
    throw new AppError("INVALID_STATE", `The staff account ${email} is disabled; it cannot be assigned requests.`, {
      text: { key: "staffRequest.errors.staffDisabled", values: { email } },
    });
  }
  if (user.role === "AUDITOR") {
    throw new AppError("BAD_REQUEST", `${email} is an auditor; only agents and admins can be assigned requests.`, {
      text: { key: "staffRequest.errors.assigneeAuditor", values: { email } },
    });
  }
  return user;
}
