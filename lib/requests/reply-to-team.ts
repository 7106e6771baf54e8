// The person answers a message of the privacy team on their status page (outside a question that
// stopped the clock, which answer-information-request.ts records). The answer is kept with the
// request for staff, audited by its length only, and the assignee is told. At most
// REPLIES_PER_DAY answers a request a day, whoever sends them; the action limits per address too.
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { consumeRateLimit } from "../security/rate-limit.ts";
import { answerSchema } from "./answer-information-request.ts";
import { queueAssigneeNotice } from "./queue-assignee-notice.ts";
import { submissionOfStatusToken } from "./status-links.ts";

export const REPLIES_PER_DAY = 10;

/** Whether the status page offers an answer: the team wrote, and no question is waiting (it has its own form). */
export function canReplyToTeam(request: { status: string; messages: Array<{ direction: string }> }): boolean {
  return request.status !== "AWAITING_SUBJECT" && request.messages.some((message) => message.direction === "TO_SUBJECT");
}

export async function replyToTeam(statusToken: string, reference: string, input: { answer: unknown }, now = new Date()): Promise<void> {
  const { answer } = answerSchema.parse(input);
  const submissionId = await submissionOfStatusToken(statusToken);
  const found = await db().dsarRequest.findUnique({ where: { reference }, select: { id: true, submissionId: true } });
  if (!found || found.submissionId !== submissionId) throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`);
  await consumeRateLimit({ name: "replies-per-request", limit: REPLIES_PER_DAY, windowSeconds: 86_400 }, found.id, now);
  const emailId = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUniqueOrThrow({
      where: { id: found.id },
      include: { messages: { where: { direction: "TO_SUBJECT" }, select: { direction: true }, take: 1 } },
    });
    if (!request.email || request.purgedAt || !canReplyToTeam(request)) {
      throw new AppError("INVALID_STATE", `Request ${reference} has no message to answer here.`);
    }
    const created = await tx.subjectMessage.create({
      data: { requestId: request.id, direction: "FROM_SUBJECT", body: answer },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: { type: "SUBJECT" },
      action: "request.person-replied",
      data: { messageId: created.id, answerLength: answer.length },
    });
    return queueAssigneeNotice(tx, request, "reply");
  });
  if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
}
