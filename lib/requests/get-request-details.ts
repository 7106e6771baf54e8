// Everything the staff page of one request shows, in one set of queries: the person and what
// they asked, the deadline and its reasons, connector tasks, messages, notes, and one timeline
// merging the audit log, the emails and the clock events in time order.
import { daysLeft } from "../api/request-views.ts";
import { correctionOutcomes, type StaffCorrectionTask } from "../corrections/correction-outcomes.ts";
import { describeCorrections, rectificationTasksOf, requestedCorrections } from "../corrections/describe-corrections.ts";
import { readDataMap } from "../data-map/read-data-map.ts";
import { db } from "../db.ts";
import { isJurisdictionCode, ruleFor } from "../deadlines/index.ts";
import { readableExplanation } from "../deadlines/readable-explanation.ts";
import { AppError } from "../errors.ts";
import type { ActorType } from "../generated/prisma/enums.ts";
import type { Locale } from "../i18n/catalogue.ts";
import { translator } from "../i18n/translator.ts";
import { computeRequestDeadline, dayOf } from "./request-deadline.ts";
import { staffActionsFor } from "./staff-actions-for.ts";
import { auditActionLabel, clockEventLabel } from "./timeline-labels.ts";

export type TimelineEntry = {
  key: string;
  at: Date;
  kind: "event" | "email" | "clock";
  label: string;
  /** Who did it, in words. */
  actor: string;
  /** More for staff: an extension's reason, an email's delivery. */
  detail?: string;
  /** The audit event as stored (its name and data), for staff who want the raw record. */
  record?: { action: string; data: Record<string, unknown> };
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const include = {
  assignee: { select: { id: true, email: true } },
  accountIdConfirmedBy: { select: { email: true } },
  accountIdConfirmedByKey: { select: { name: true } },
  tasks: { include: { connector: { select: { key: true, name: true, type: true } } }, orderBy: { createdAt: "asc" } },
  clockEvents: { orderBy: { at: "asc" } },
  emails: {
    select: { id: true, template: true, status: true, subject: true, sentAt: true, createdAt: true, attempts: true, lastError: true },
    orderBy: { createdAt: "asc" },
  },
  auditEvents: { select: { id: true, action: true, data: true, at: true, actorType: true, actorId: true }, orderBy: { id: "asc" } },
  messages: { orderBy: { createdAt: "asc" } },
  notes: { include: { author: { select: { email: true } } }, orderBy: { createdAt: "asc" } },
  correctionTask: true,
  agentAuthorization: { include: { checkedBy: { select: { email: true } } } },
} as const;

/**
 * `id` is the request's id (links from reminders) or its reference (what people quote). The timeline,
 * who acted and the corrections' labels are in `locale`, the reader's language (English by default).
 */
export async function getRequestDetails(id: string, options: { locale?: Locale; now?: Date } = {}) {
  const locale = options.locale ?? "en";
  const now = options.now ?? new Date();
  const t = translator(locale);
  const where = UUID.test(id) ? { id } : { reference: id };
  const request = await db().dsarRequest.findUnique({ where, include });
  if (!request) throw new AppError("NOT_FOUND", `No request has the reference or id ${id}.`);
  const [staff, apiKeys] = await Promise.all([
    db().staffUser.findMany({ select: { id: true, email: true, role: true, disabledAt: true }, orderBy: { email: "asc" } }),
    db().apiKey.findMany({
      where: { id: { in: request.auditEvents.filter((e) => e.actorType === "API_KEY").map((e) => e.actorId as string) } },
      select: { id: true, name: true },
    }),
  ]);
  const staffEmail = new Map(staff.map((user) => [user.id, user.email]));
  const keyName = new Map(apiKeys.map((key) => [key.id, key.name]));
  const names = (staffId: unknown) => staffEmail.get(String(staffId)) ?? t("staffTimeline.actor.formerStaff");
  const apiKeyName = (actorId: string | null) => {
    const name = keyName.get(actorId ?? "");
    return name ? t("staffTimeline.actor.apiKey", { name }) : t("staffTimeline.actor.apiKeyRevoked");
  };
  const actorName = (type: ActorType, actorId: string | null) =>
    type === "STAFF"
      ? names(actorId)
      : type === "API_KEY"
        ? apiKeyName(actorId)
        : type === "SUBJECT"
          ? t("staffTimeline.actor.person")
          : type === "DRP_AGENT"
            ? t("staffTimeline.actor.agent", { name: actorId ?? "" }).trim()
            : actorId
              ? t("staffTimeline.actor.systemNamed", { name: actorId })
              : t("staffTimeline.actor.system");

  const timeline: TimelineEntry[] = [
    ...request.auditEvents
      // Clock changes come from their own rows below, which carry the reason in full.
      .filter((event) => !event.action.startsWith("clock."))
      .map((event) => {
        const data = (event.data ?? {}) as Record<string, unknown>;
        return {
          key: `audit-${event.id}`,
          at: event.at,
          kind: "event" as const,
          label: auditActionLabel(event.action, data, names, locale),
          actor: actorName(event.actorType, event.actorId),
          record: { action: event.action, data },
        };
      }),
    ...request.emails.map((email) => ({
      key: `email-${email.id}`,
      at: email.sentAt ?? email.createdAt,
      kind: "email" as const,
      label: t("staffTimeline.email.label", { status: email.status, subject: email.subject ?? email.template }),
      actor: t("staffTimeline.actor.system"),
      detail: email.lastError
        ? t("staffTimeline.email.attemptsWithError", { attempts: email.attempts, error: email.lastError })
        : t("staffTimeline.email.attempts", { attempts: email.attempts }),
    })),
    ...request.clockEvents.map((event) => ({
      key: `clock-${event.id}`,
      at: event.at,
      kind: "clock" as const,
      label: clockEventLabel(event, locale),
      actor: actorName(event.actorType, event.actorId),
      ...(event.reason ? { detail: event.reason } : {}),
    })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key));

  const tasks = request.tasks.map((task) => ({
    id: task.id,
    connectorKey: task.connector.key,
    connectorName: task.connector.name,
    connectorType: task.connector.type,
    action: task.action,
    status: task.status,
    attempts: task.attempts,
    lastError: task.lastError,
    receipt: task.receipt,
    note: task.note,
    completedBy: task.completedById ? names(task.completedById) : null,
    startedAt: task.startedAt,
    finishedAt: task.finishedAt,
    callbackDeadline: task.callbackDeadline,
  }));

  return {
    request: {
      id: request.id,
      reference: request.reference,
      type: request.type,
      status: request.status,
      channel: request.channel,
      outcome: request.outcome,
      denialReason: request.denialReason,
      denialMessage: request.denialMessage,
      receivedAt: request.receivedAt,
      verifiedAt: request.verifiedAt,
      decidedAt: request.decidedAt,
      closedAt: request.closedAt,
      purgedAt: request.purgedAt,
      finaliseFailedAt: request.finaliseFailedAt,
      finaliseError: request.finaliseError,
      assignee: request.assignee,
    },
    person: {
      email: request.email,
      fullName: request.fullName,
      accountId: request.accountId,
      /** Null while the account number is only what the person typed: connectors are not given it. */
      accountIdConfirmation: request.accountIdConfirmedAt
        ? {
            at: request.accountIdConfirmedAt,
            by: request.accountIdConfirmedBy
              ? request.accountIdConfirmedBy.email
              : request.accountIdConfirmedByKey
                ? t("staffTimeline.actor.apiKey", { name: request.accountIdConfirmedByKey.name })
                : t("staffTimeline.actor.formerStaffOrRevokedKey"),
          }
        : null,
      country: request.country,
      region: request.region,
      locale: request.locale,
      details: request.details,
      corrections: Array.isArray(request.corrections)
        ? (request.corrections as Array<{ field: string; correctValue: string; currentValue?: string }>)
        : [],
    },
    deadline: {
      jurisdiction: request.jurisdiction,
      law: lawName(request.jurisdiction),
      dueDate: dayOf(request.dueDate) as string,
      daysLeft: daysLeft(request, now),
      paused: request.clockPaused,
      extended: request.extended,
      acknowledgeBy: dayOf(request.acknowledgeBy),
      acknowledgedAt: request.acknowledgedAt,
      extensionNoticeBy: dayOf(request.extensionNoticeBy),
      maxExtendedDueDate: dayOf(request.maxExtendedDueDate),
      // Stored in English when the clock last moved; a French reader gets the same computation explained in French.
      explanation:
        locale === "en"
          ? Array.isArray(request.deadlineExplanation)
            ? readableExplanation(request.deadlineExplanation.map(String), request.holidayRegion)
            : []
          : computeRequestDeadline(request, request.clockEvents, locale).explanation,
    },
    /** Someone filed for the person on the form: who, and where the check of their permission stands. */
    agent: request.agentAuthorization
      ? {
          name: request.agentAuthorization.agentName,
          email: request.agentAuthorization.agentEmail,
          organisation: request.agentAuthorization.agentOrganisation,
          permission: request.agentAuthorization.permissionPath
            ? { type: request.agentAuthorization.permissionType, bytes: request.agentAuthorization.permissionBytes }
            : null,
          check: request.agentAuthorization.checkStatus,
          checkedAt: request.agentAuthorization.checkedAt,
          checkedBy: request.agentAuthorization.checkedById
            ? (request.agentAuthorization.checkedBy?.email ?? t("staffTimeline.actor.formerStaff"))
            : request.agentAuthorization.checkedAt
              ? t("staffTimeline.actor.someApiKey")
              : null,
        }
      : null,
    tasks,
    messages: request.messages.map((message) => ({
      id: message.id,
      direction: message.direction,
      body: message.body,
      author: message.authorId ? names(message.authorId) : null,
      createdAt: message.createdAt,
    })),
    notes: request.notes.map((note) => ({ id: note.id, body: note.body, author: note.author.email, createdAt: note.createdAt })),
    timeline,
    corrections: request.type === "RECTIFICATION" ? await correctionsFor(request, names, locale) : null,
    actions: staffActionsFor({ ...request, filedByAgent: Boolean(request.agentAuthorization) }, tasks, request.correctionTask),
    /** Who can hold the request: active agents and admins (assign-request.ts). */
    assignees: staff.filter((user) => !user.disabledAt && user.role !== "AUDITOR").map((user) => user.email),
  };
}

export type RequestDetails = Awaited<ReturnType<typeof getRequestDetails>>;

/** Each correction with where it stands (labels in the reader's language) and the staff task. */
async function correctionsFor(
  request: {
    corrections: unknown;
    tasks: Array<Parameters<typeof rectificationTasksOf>[0][number] & { action: string }>;
    correctionTask:
      | (NonNullable<StaffCorrectionTask> & {
          note: string | null;
          message: string | null;
          completedById: string | null;
          completedAt: Date | null;
        })
      | null;
  },
  names: (staffId: unknown) => string,
  locale: Locale,
) {
  const map = await readDataMap();
  const corrections = requestedCorrections(request.corrections);
  const outcomes = correctionOutcomes(
    corrections,
    new Set(Object.keys(map.correctableFields)),
    rectificationTasksOf(request.tasks.filter((task) => task.action === "RECTIFICATION")),
    request.correctionTask,
  );
  const described = describeCorrections(outcomes, map, locale);
  const task = request.correctionTask;
  return {
    items: outcomes.map((outcome, index) => ({ ...outcome, label: described[index].label, places: described[index].places })),
    task: task
      ? {
          status: task.status,
          note: task.note,
          message: task.message,
          completedBy: task.completedById ? names(task.completedById) : null,
          completedAt: task.completedAt,
        }
      : null,
  };
}

function lawName(jurisdiction: string): string {
  return isJurisdictionCode(jurisdiction) ? ruleFor(jurisdiction).name : jurisdiction;
}
