// Which decisions a request's state allows, for the staff page to show only buttons that can
// work. The services check the same rules themselves (and refuse with a message); this mirrors
// them so a button is never offered only to fail. Permissions are checked separately.
import type { ConnectorTaskStatus, DenialReason, RequestStatus } from "../generated/prisma/enums.ts";
import { hasNoAddress } from "./has-no-address.ts";
import { isOpen } from "./request-status.ts";

/** filedByAgent: someone filed on the person's behalf on the form (AgentAuthorization). */
type RequestState = {
  status: RequestStatus;
  maxExtendedDueDate: Date | null;
  filedByAgent?: boolean;
  finaliseFailedAt?: Date | null;
  /** With both null: filed with no address (has-no-address.ts), so nobody to write to. */
  email?: string | null;
  emailHash?: string | null;
};
type TaskState = { status: ConnectorTaskStatus; connectorType: string };

const allReasons: DenialReason[] = [
  "IDENTITY_NOT_VERIFIED",
  "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
  "EXEMPTION_APPLIES",
  "NO_DATA_HELD",
  "OTHER",
];
/** Only where an agent filed (deny-request.ts refuses it otherwise). */
const agentReasons: DenialReason[] = [...allReasons.slice(0, -1), "AGENT_AUTHORITY_NOT_SHOWN", "OTHER"];

export function staffActionsFor(request: RequestState, tasks: TaskState[], correctionTask: { status: string } | null = null) {
  const { status } = request;
  const verified = status === "VERIFIED";
  const awaiting = status === "AWAITING_SUBJECT";
  const approved = status === "APPROVED" || status === "IN_PROGRESS";
  const noAddress =
    request.email !== undefined && request.emailHash !== undefined && hasNoAddress({ email: request.email, emailHash: request.emailHash });
  return {
    approve: verified,
    /** deny-request.ts: any reason once verified; only an unverifiable identity before. */
    denyReasons:
      verified || awaiting
        ? request.filedByAgent
          ? agentReasons
          : allReasons
        : status === "SUBMITTED"
          ? (["IDENTITY_NOT_VERIFIED"] as DenialReason[])
          : [],
    askForInformation: (verified || awaiting) && !noAddress,
    /** confirm-account-id.ts: only between verification and approval, and only when one was given. */
    confirmAccountId: verified || awaiting,
    recordInformationReceived: awaiting,
    /** Where the law allows an extension at all; the engine refuses a late or second one with the dates. */
    extend: isOpen(status) && status !== "SUBMITTED" && request.maxExtendedDueDate !== null,
    assign: isOpen(status),
    note: true,
    /** close-request.ts refuses while a task is queued or running. */
    close: approved && !tasks.some((task) => task.status === "PENDING" || task.status === "RUNNING"),
    /** Tasks run only while the request is approved or in progress (retry-connector-task.ts, complete-manual-task.ts). */
    retryTask: (task: TaskState) => approved && task.status === "FAILED",
    /** retry-finalise.ts: the answer's build ran out of attempts while the request is in progress. */
    retryFinalise: status === "IN_PROGRESS" && Boolean(request.finaliseFailedAt),
    completeTask: (task: TaskState) => approved && task.connectorType === "manual" && task.status === "AWAITING_STAFF",
    /** complete-correction-task.ts: the corrections no source made, while the request is in progress. */
    completeCorrections: status === "IN_PROGRESS" && correctionTask?.status === "OPEN",
    /** send-message-to-person.ts: once the person proved their address, until the details are purged. */
    messagePerson: status !== "SUBMITTED" && status !== "EXPIRED" && !noAddress,
  };
}

export type StaffActions = ReturnType<typeof staffActionsFor>;
