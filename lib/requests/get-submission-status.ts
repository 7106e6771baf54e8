// What the person sees on their private status page: only the requests of their submission.
import { correctionOutcomes, type StaffCorrectionTask } from "../corrections/correction-outcomes.ts";
import { describeCorrections, rectificationTasksOf, requestedCorrections } from "../corrections/describe-corrections.ts";
import { type DataMapState, readDataMap } from "../data-map/read-data-map.ts";
import { db } from "../db.ts";
import { isJurisdictionCode, type RequestType as RequestTypeCode, ruleForRight } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { canReplyToTeam } from "./reply-to-team.ts";
import { dayOf } from "./request-deadline.ts";
import type { Locale } from "./request-input.schema.ts";
import { isOpen } from "./request-status.ts";
import { submissionOfStatusToken } from "./status-links.ts";

/** `locale`: the page's language (labels of corrections); the request's own otherwise. */
export async function getSubmissionStatus(statusToken: string, locale?: Locale) {
  const submissionId = await submissionOfStatusToken(statusToken);
  const requests = await db().dsarRequest.findMany({
    where: { submissionId },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, direction: true, body: true, createdAt: true } },
      tasks: {
        where: { action: "RECTIFICATION" },
        select: { status: true, receipt: true, connector: { select: { key: true, name: true } } },
      },
      correctionTask: { select: { status: true, items: true, results: true, message: true } },
    },
  });
  if (requests.length === 0) throw new AppError("NOT_FOUND", "This status link is not valid.");
  const map = requests.some((r) => r.type === "RECTIFICATION") ? await readDataMap() : null;
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
      law: lawOf(r.jurisdiction, r.type),
      outcome: r.outcome,
      denialReason: r.denialReason,
      denialMessage: r.denialMessage,
      canWithdraw: isOpen(r.status),
      /** The team wrote and no question waits (which has its own form): the person can answer. */
      canReply: r.email !== null && canReplyToTeam(r),
      messages: r.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      corrections: map ? correctionsOf(r, map, locale ?? (r.locale as Locale)) : [],
      /** The team's explanation of corrections they could not make. */
      correctionsMessage: r.correctionTask?.status === "DONE" ? r.correctionTask.message : null,
    })),
  };
}

/** Each correction asked for, what became of it and where, with the value asked for (the person's own page). */
function correctionsOf(
  request: { corrections: unknown; tasks: Parameters<typeof rectificationTasksOf>[0]; correctionTask: StaffCorrectionTask },
  map: DataMapState,
  locale: Locale,
) {
  const corrections = requestedCorrections(request.corrections);
  const outcomes = correctionOutcomes(
    corrections,
    new Set(Object.keys(map.correctableFields)),
    rectificationTasksOf(request.tasks),
    request.correctionTask,
  );
  return describeCorrections(outcomes, map, locale).map((described, index) => ({ ...described, value: corrections[index].correctValue }));
}

/** The law behind the deadline, for a plain sentence on the page ("the GDPR gives us 1 month"). */
function lawOf(jurisdiction: string, type: string) {
  if (!isJurisdictionCode(jurisdiction)) return null;
  const rule = ruleForRight(jurisdiction, type.toLowerCase() as RequestTypeCode);
  return rule ? { name: rule.name, unit: rule.period.unit, length: rule.period.length } : null;
}

export type SubmissionStatus = Awaited<ReturnType<typeof getSubmissionStatus>>;
