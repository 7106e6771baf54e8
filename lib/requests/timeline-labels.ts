// Audit actions and clock events in words for the staff timeline, in the reader's language
// (messages/<locale>/staff-timeline.json). The audit data hold ids, counts and reasons only, so
// everything said here is safe to show to any staff role.
import type { Locale } from "../i18n/catalogue.ts";
import { dateLocaleFor } from "../i18n/date-locale.ts";
import { translator } from "../i18n/translator.ts";

type Data = Record<string, unknown>;
type T = ReturnType<typeof translator>;

/** A refusal's reason in words; a reason the catalogue does not know keeps its code, in lower case. */
export function denialReasonLabel(reason: string, locale: Locale): string {
  const t = translator(locale);
  return t.has(`staffLabels.denialReason.${reason}` as never) ? t(`staffLabels.denialReason.${reason}` as never) : reason.toLowerCase();
}

const countOf = (value: unknown) => (Array.isArray(value) ? value.length : Number(value ?? 0) || 0);
const outcomeOf = (value: unknown) => (value === "PARTIALLY_FULFILLED" ? "PARTIALLY_FULFILLED" : "FULFILLED");

/** A calendar day (YYYY-MM-DD) as the reader writes it, never shifted by a time zone. */
function day(value: unknown, locale: Locale): string {
  const text = String(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Intl.DateTimeFormat(dateLocaleFor(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${text}T12:00:00Z`));
}

/** `names` turns staff ids into email addresses for "Assigned to …". */
const auditLabels: Record<string, (t: T, data: Data, names: (id: unknown) => string, locale: Locale) => string> = {
  "request.submitted": (t) => t("staffTimeline.audit.requestSubmitted"),
  "verification.resent": (t) => t("staffTimeline.audit.verificationResent"),
  "request.verified": (t) => t("staffTimeline.audit.requestVerified"),
  "request.acknowledged": (t) => t("staffTimeline.audit.requestAcknowledged"),
  "request.expired": (t) => t("staffTimeline.audit.requestExpired"),
  "request.approved": (t, data) => t("staffTimeline.audit.requestApproved", { connectors: countOf(data.connectors) }),
  "request.denied": (t, data, _names, locale) =>
    t("staffTimeline.audit.requestDenied", { reason: denialReasonLabel(String(data.reason), locale) }),
  "request.withdrawn": (t, data) => t("staffTimeline.audit.requestWithdrawn", { cancelled: countOf(data.cancelledTasks) }),
  "request.information-requested": (t, data) =>
    t("staffTimeline.audit.informationRequested", {
      kind: data.kind === "identity" ? "identity" : "clarification",
      paused: data.clockPaused ? "yes" : "no",
    }),
  "request.information-received": (t, data, _names, locale) => {
    const clock = data.clock === "restart" ? "restart" : "resume";
    return data.dueDate
      ? t("staffTimeline.audit.informationReceivedDue", { clock, due: day(data.dueDate, locale) })
      : t("staffTimeline.audit.informationReceived", { clock });
  },
  "request.account-id-confirmed": (t) => t("staffTimeline.audit.accountIdConfirmed"),
  "request.account-id-unconfirmed": (t) => t("staffTimeline.audit.accountIdUnconfirmed"),
  "request.agent-permission-opened": (t) => t("staffTimeline.audit.agentPermissionOpened"),
  "request.agent-permission-checked": (t, data) =>
    data.outcome === "VALID" ? t("staffTimeline.audit.agentPermissionValid") : t("staffTimeline.audit.agentPermissionNotValid"),
  "request.assigned": (t, data, names) =>
    data.assigneeId ? t("staffTimeline.audit.assigned", { name: names(data.assigneeId) }) : t("staffTimeline.audit.unassigned"),
  "request.note-added": (t) => t("staffTimeline.audit.noteAdded"),
  "request.closed": (t, data) =>
    t("staffTimeline.audit.closed", { outcome: outcomeOf(data.outcome), cancelled: countOf(data.cancelledTasks) }),
  "request.completed": (t, data) => t("staffTimeline.audit.completed", { outcome: outcomeOf(data.outcome) }),
  "request.personal-data-purged": (t) => t("staffTimeline.audit.personalDataPurged"),
  "request.finalise-failed": (t, data) => t("staffTimeline.audit.finaliseFailed", { attempts: countOf(data.attempts) }),
  "request.finalise-retried": (t) => t("staffTimeline.audit.finaliseRetried"),
  "request.corrections-handed-to-staff": (t, data) => t("staffTimeline.audit.correctionsHandedToStaff", { count: countOf(data.count) }),
  "request.corrections-completed-by-staff": (t, data) =>
    t("staffTimeline.audit.correctionsCompletedByStaff", { corrected: countOf(data.corrected), notCorrected: countOf(data.notCorrected) }),
  "request.message-sent": (t) => t("staffTimeline.audit.messageSent"),
  "request.person-replied": (t) => t("staffTimeline.audit.personReplied"),
  "connector.task-succeeded": (t, data) => t("staffTimeline.audit.taskSucceeded", { connector: String(data.connector) }),
  "connector.task-retried": (t, data) => t("staffTimeline.audit.taskRetried", { connector: String(data.connector) }),
  "connector.task-result-discarded": (t, data) => t("staffTimeline.audit.taskResultDiscarded", { connector: String(data.connector) }),
  "package.downloaded": (t) => t("staffTimeline.audit.packageDownloaded"),
  "package.deleted": (t) => t("staffTimeline.audit.packageDeleted"),
  "evidence.downloaded": (t) => t("staffTimeline.audit.evidenceDownloaded"),
};

/** An audit action in words; an action this module does not know keeps its name (its raw record is beside it). */
export function auditActionLabel(action: string, data: Data, names: (id: unknown) => string = String, locale: Locale = "en"): string {
  const label = auditLabels[action];
  return label ? label(translator(locale), data, names, locale) : action;
}

export function clockEventLabel(event: { type: string; days: number | null; months: number | null }, locale: Locale = "en"): string {
  const t = translator(locale);
  switch (event.type) {
    case "PAUSE":
      return t("staffTimeline.clock.paused");
    case "RESUME":
      return t("staffTimeline.clock.resumed");
    case "RESTART":
      return t("staffTimeline.clock.restarted");
    default:
      if (event.months) return t("staffTimeline.clock.extendedMonths", { months: event.months });
      if (event.days) return t("staffTimeline.clock.extendedDays", { days: event.days });
      return t("staffTimeline.clock.extended");
  }
}
