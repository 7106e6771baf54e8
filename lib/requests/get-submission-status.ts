// What the person sees on their private status page: only the requests of their submission.
import { db } from "../db.ts";
import { ruleFor } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { dayOf } from "./request-deadline.ts";
import { isOpen } from "./request-status.ts";
import { submissionOfStatusToken } from "./status-links.ts";

export async function getSubmissionStatus(statusToken: string) {
  const submissionId = await submissionOfStatusToken(statusToken);
  const requests = await db().dsarRequest.findMany({
    where: { submissionId },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, direction: true, body: true, createdAt: true } },
    },
  });
  if (requests.length === 0) throw new AppError("NOT_FOUND", "This status link is not valid.");
  return {
    locale: requests[0].locale,
    requests: requests.map((r) => ({
      reference: r.reference,
      type: r.type,
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      verifiedAt: r.verifiedAt?.toISOString() ?? null,
      closedAt: r.closedAt?.toISOString() ?? null,
      verifyBy: r.verifyBy.toISOString(),
      dueDate: dayOf(r.dueDate) as string,
      extended: r.extended,
      clockPaused: r.clockPaused,
      explanation: r.deadlineExplanation as string[],
      jurisdiction: r.jurisdiction,
      law: lawOf(r.jurisdiction),
      outcome: r.outcome,
      denialReason: r.denialReason,
      denialMessage: r.denialMessage,
      canWithdraw: isOpen(r.status),
      messages: r.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    })),
  };
}

/** The law behind the deadline, for a plain sentence on the page ("the GDPR gives us 1 month"). */
function lawOf(jurisdiction: string) {
  const rule = ruleFor(jurisdiction as never);
  return rule ? { name: rule.name, unit: rule.period.unit, length: rule.period.length } : null;
}

export type SubmissionStatus = Awaited<ReturnType<typeof getSubmissionStatus>>;
