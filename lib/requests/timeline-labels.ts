// Audit actions and clock events in words for the staff timeline. The audit data hold ids,
// counts and reasons only, so everything said here is safe to show to any staff role.

type Data = Record<string, unknown>;

const denialReasonLabels: Record<string, string> = {
  IDENTITY_NOT_VERIFIED: "identity not verified",
  MANIFESTLY_UNFOUNDED_OR_EXCESSIVE: "manifestly unfounded or excessive",
  EXEMPTION_APPLIES: "an exemption applies",
  NO_DATA_HELD: "no data held",
  AGENT_AUTHORITY_NOT_SHOWN: "agent authority not shown",
  OTHER: "other reason",
};

export function denialReasonLabel(reason: string): string {
  return denialReasonLabels[reason] ?? reason.toLowerCase();
}

const outcomeLabel = (outcome: unknown) => (outcome === "PARTIALLY_FULFILLED" ? "partially fulfilled" : "fulfilled");
const count = (value: unknown, one: string, many: string) => {
  const n = Array.isArray(value) ? value.length : Number(value ?? 0);
  return `${n} ${n === 1 ? one : many}`;
};

const cancelledTasks = (data: Data) =>
  Number(data.cancelledTasks ?? 0) > 0 ? ` (${count(data.cancelledTasks, "task", "tasks")} cancelled)` : "";

/** `names` turns staff ids into email addresses for "Assigned to …". */
const auditLabels: Record<string, (data: Data, names: (id: unknown) => string) => string> = {
  "request.submitted": () => "Request received",
  "verification.resent": () => "Verification email sent again",
  "request.verified": () => "Email address verified",
  "request.acknowledged": () => "Receipt acknowledged to the person",
  "request.expired": () => "Expired: the email address was never verified",
  "request.approved": (data) => `Approved; ${count(data.connectors, "connector task", "connector tasks")} created`,
  "request.denied": (data) => `Denied: ${denialReasonLabel(String(data.reason))}`,
  "request.withdrawn": (data) => `Withdrawn${cancelledTasks(data)}`,
  "request.information-requested": (data) =>
    `Asked the person for ${data.kind === "identity" ? "proof of identity" : "clarification"}${data.clockPaused ? "; clock paused" : ""}`,
  "request.information-received": (data) =>
    `Information received; clock ${data.clock === "restart" ? "restarted" : "resumed"}${data.dueDate ? `, due ${data.dueDate}` : ""}`,
  "request.account-id-confirmed": () => "Account number confirmed as the person's; connectors will be given it",
  "request.account-id-unconfirmed": () => "Account number confirmation taken back; connectors will not be given it",
  "request.agent-permission-opened": () => "Agent's signed permission downloaded",
  "request.agent-permission-checked": (data) =>
    data.outcome === "VALID"
      ? "Agent's permission checked: it shows the person authorised the agent"
      : "Agent's permission marked as not valid",
  "request.assigned": (data, names) => (data.assigneeId ? `Assigned to ${names(data.assigneeId)}` : "Unassigned"),
  "request.note-added": () => "Internal note added",
  "request.closed": (data) => `Closed by hand: ${outcomeLabel(data.outcome)}${cancelledTasks(data)}`,
  "request.completed": (data) => `Completed: ${outcomeLabel(data.outcome)}`,
  "request.personal-data-purged": () => "Personal details purged (retention)",
  "request.corrections-handed-to-staff": (data) => `${count(data.count, "correction", "corrections")} no source made, left to staff`,
  "request.corrections-completed-by-staff": (data) =>
    `Staff corrected ${count(data.corrected, "correction", "corrections")} by hand${Number(data.notCorrected ?? 0) > 0 ? `; ${data.notCorrected} not corrected` : ""}`,
  "request.message-sent": () => "Message sent to the person",
  "request.person-replied": () => "The person answered",
  "connector.task-succeeded": (data) => `Connector task succeeded: ${data.connector}`,
  "connector.task-retried": (data) => `Connector task retried: ${data.connector}`,
  "connector.task-result-discarded": (data) =>
    `Connector task answered after the request closed; its result was not kept: ${data.connector}`,
  "package.downloaded": () => "Package downloaded",
  "package.deleted": () => "Package deleted",
  "evidence.downloaded": () => "Evidence bundle downloaded",
};

export function auditActionLabel(action: string, data: Data, names: (id: unknown) => string = String): string {
  const label = auditLabels[action];
  return label ? label(data, names) : action;
}

export function clockEventLabel(event: { type: string; days: number | null; months: number | null }): string {
  switch (event.type) {
    case "PAUSE":
      return "Clock paused";
    case "RESUME":
      return "Clock resumed";
    case "RESTART":
      return "Clock restarted";
    default: {
      const by = event.months
        ? ` by ${count(event.months, "month", "months")}`
        : event.days
          ? ` by ${count(event.days, "day", "days")}`
          : "";
      return `Deadline extended${by}`;
    }
  }
}
