// What the person sees on their private status page: only the requests of their submission.
import { isPreferenceKind, type PreferenceReceipt } from "../connectors/connector.ts";
import { correctionOutcomes, type StaffCorrectionTask } from "../corrections/correction-outcomes.ts";
import { describeCorrections, rectificationTasksOf, requestedCorrections } from "../corrections/describe-corrections.ts";
import { type DataMap, dataMapSchema, textIn } from "../data-map/data-map.schema.ts";
import { dataMapsInForceAt } from "../data-map/data-maps-in-force-at.ts";
import { type DataMapState, readDataMap } from "../data-map/read-data-map.ts";
import { categoryNameFor, sourceNameFor } from "../data-map/source-name.ts";
import { db } from "../db.ts";
import { isJurisdictionCode, type RequestType as RequestTypeCode, ruleForRight } from "../deadlines/index.ts";
import { readableExplanation } from "../deadlines/readable-explanation.ts";
import { AppError } from "../errors.ts";
import { canReplyToTeam } from "./reply-to-team.ts";
import { computeRequestDeadline, dayOf } from "./request-deadline.ts";
import type { Locale } from "./request-input.schema.ts";
import { isOpen } from "./request-status.ts";
import { submissionOfStatusToken } from "./status-links.ts";

/** `locale`: the page's language (labels of corrections); the request's own otherwise. */
export async function getSubmissionStatus(statusToken: string, locale?: Locale, now = new Date()) {
  const submissionId = await submissionOfStatusToken(statusToken);
  const requests = await db().dsarRequest.findMany({
    where: { submissionId },
    orderBy: { createdAt: "asc" },
    include: {
      messages: { orderBy: { createdAt: "asc" }, select: { id: true, direction: true, body: true, createdAt: true } },
      // Rectification: what became of each correction; access: what the map says of each category found.
      tasks: {
        where: { action: { in: ["RECTIFICATION", "ACCESS", "OPT_OUT", "LIMIT_SENSITIVE", "RESTRICTION", "OBJECTION"] } },
        orderBy: { createdAt: "asc" },
        select: {
          action: true,
          status: true,
          receipt: true,
          connector: { select: { key: true, name: true, publicName: true, dataMap: true } },
        },
      },
      correctionTask: { select: { status: true, items: true, results: true, message: true } },
      clockEvents: { select: { type: true, at: true, reason: true, days: true, months: true } },
      artifacts: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true, maxDownloads: true, downloadCount: true, deletedAt: true, wrappedKey: true },
      },
    },
  });
  if (requests.length === 0) throw new AppError("NOT_FOUND", "This status link is not valid.");
  const map = requests.some((r) => r.type === "RECTIFICATION") ? await readDataMap() : null;
  // A completed access answer is told as the data map said when it was given, not as it says today.
  const answeredMaps = new Map<string, Map<string, DataMap | null> | null>();
  for (const r of requests) {
    if (r.type === "ACCESS" && r.status === "COMPLETED" && r.closedAt && !answeredMaps.has(r.id)) {
      answeredMaps.set(r.id, await dataMapsInForceAt(r.closedAt));
    }
  }
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
      // As stored, with the law by its name (readable-explanation.ts).
      explanation: readableExplanation(r.deadlineExplanation as string[], r.holidayRegion),
      /** The same computation explained in French, for the page in French. */
      explanationFr: computeRequestDeadline(r, r.clockEvents, "fr").explanation,
      jurisdiction: r.jurisdiction,
      /** Where the person lives: the order of the dates shown to them. */
      country: r.country,
      region: r.region,
      law: lawOf(r.jurisdiction, r.type),
      outcome: r.outcome,
      denialReason: r.denialReason,
      denialMessage: r.denialMessage,
      canWithdraw: isOpen(r.status),
      /** The team wrote and no question waits (which has its own form): the person can answer. */
      canReply: r.email !== null && canReplyToTeam(r),
      messages: r.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
      corrections: map
        ? correctionsOf({ ...r, tasks: r.tasks.filter((task) => task.action === "RECTIFICATION") }, map, locale ?? (r.locale as Locale))
        : [],
      /** The team's explanation of corrections they could not make. */
      correctionsMessage: r.correctionTask?.status === "DONE" ? r.correctionTask.message : null,
      ...accessAnswerOf(r, locale ?? (r.locale as Locale), now, answeredMaps.get(r.id) ?? null),
      preference: preferenceAnswerOf(r, locale ?? (r.locale as Locale)),
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

type StatusRow = {
  type: string;
  status: string;
  tasks: Array<{
    action: string;
    status: string;
    receipt: unknown;
    connector: { key: string; name: string; publicName: unknown; dataMap: unknown };
  }>;
  artifacts: Array<{ expiresAt: Date; maxDownloads: number; downloadCount: number; deletedAt: Date | null; wrappedKey: string | null }>;
};

/**
 * For a completed access request: per source and category found (the task receipts name them), what
 * the data map said when the answer was given (`answeredMaps`, by source key; the source's map of
 * today when no version was recorded then), and whether the package can still be downloaded. Never
 * the data itself.
 */
function accessAnswerOf(row: StatusRow, locale: Locale, now: Date, answeredMaps: Map<string, DataMap | null> | null) {
  if (row.status !== "COMPLETED" || (row.type !== "ACCESS" && row.type !== "PORTABILITY")) return { answerSources: null, download: null };
  const download = downloadOf(row.artifacts[0], now);
  // A portability answer is the data only: its package, no summary of what is held and why.
  if (row.type === "PORTABILITY") return { answerSources: null, download };
  const sources = row.tasks
    .filter((task) => task.action === "ACCESS" && task.status === "SUCCEEDED")
    .map((task) => {
      const found = (task.receipt as { categories?: Record<string, unknown> } | null)?.categories;
      const today = task.connector.dataMap === null ? null : dataMapSchema.safeParse(task.connector.dataMap);
      const then = answeredMaps?.has(task.connector.key) ? (answeredMaps.get(task.connector.key) ?? null) : undefined;
      return {
        name: sourceNameFor(task.connector, locale),
        categories: found ? Object.keys(found) : [],
        dataMap: then !== undefined ? then : today?.success ? today.data : null,
      };
    });
  // Summed up in the page's language by the page (lib/data-map/summarise-access-answer.ts).
  return { answerSources: sources, download };
}

/** The package while it can still be downloaded: before it expires, is deleted or runs out of downloads. */
function downloadOf(artifact: StatusRow["artifacts"][number] | undefined, now: Date) {
  const available =
    artifact && !artifact.deletedAt && artifact.wrappedKey && artifact.expiresAt > now && artifact.downloadCount < artifact.maxDownloads;
  return available ? { expiresAt: artifact.expiresAt.toISOString(), downloadsLeft: artifact.maxDownloads - artifact.downloadCount } : null;
}

/** The law behind the deadline, for a plain sentence on the page ("the GDPR gives us 1 month"). */
function lawOf(jurisdiction: string, type: string) {
  if (!isJurisdictionCode(jurisdiction)) return null;
  const rule = ruleForRight(jurisdiction, type.toLowerCase() as RequestTypeCode);
  return rule ? { name: rule.name, unit: rule.period.unit, length: rule.period.length } : null;
}

export type SubmissionStatus = Awaited<ReturnType<typeof getSubmissionStatus>>;

/**
 * Opt-out, limit, restriction, objection: once completed, per source, what was switched off there
 * (the data map's label of each table where one is written, else its name); a source where nothing
 * of the person's was found says so. Never the values.
 */
function preferenceAnswerOf(row: StatusRow, locale: Locale) {
  const kind = row.type.toLowerCase();
  if (!isPreferenceKind(kind) || row.status !== "COMPLETED") return null;
  const sources = row.tasks
    .filter((task) => task.action === row.type && task.status === "SUCCEEDED")
    .map((task) => {
      const switched = (task.receipt as Partial<PreferenceReceipt> | null)?.switchedOff ?? [];
      const labelOf = (entry: PreferenceReceipt["switchedOff"][number]) =>
        entry.label ? textIn(entry.label, locale) : categoryNameFor(task.connector, entry.category, locale);
      const manual = task.receipt === null || !Array.isArray((task.receipt as Partial<PreferenceReceipt>).switchedOff);
      return {
        name: sourceNameFor(task.connector, locale),
        /** A source done by hand (manual task, a system that answered without details) has no places. */
        places: [...new Set(switched.filter((entry) => entry.rows > 0).map(labelOf))],
        done: manual || switched.some((entry) => entry.rows > 0),
      };
    });
  return { kind, sources };
}
