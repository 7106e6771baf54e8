// The DRP status object (DRP 3.03) of a portal request: the portal's statuses mapped to the DRP
// states (3.02) with the spec's reason names.
import type { DenialReason, RequestStatus } from "../generated/prisma/enums.ts";

export type DrpState = "open" | "in_progress" | "fulfilled" | "revoked" | "denied" | "expired";

export type DrpStatusObject = {
  request_id: string;
  agent_request_id?: string;
  status: DrpState;
  reason?: string;
  received_at: string;
  expected_by?: string;
  processing_details?: string;
};

export type DrpStatusSource = {
  drpRequestId: string;
  agentRequestId: string | null;
  status: RequestStatus;
  denialReason: DenialReason | null;
  receivedAt: Date;
  dueDate: Date;
  extended: boolean;
};

const deniedReasons: Record<DenialReason, string> = {
  IDENTITY_NOT_VERIFIED: "insuf_verification",
  NO_DATA_HELD: "no_match",
  AGENT_AUTHORITY_NOT_SHOWN: "insuf_verification",
  EXEMPTION_APPLIES: "claim_not_covered",
  MANIFESTLY_UNFOUNDED_OR_EXCESSIVE: "too_many_requests",
  OTHER: "other",
};

/** ISO 8601 with an explicit offset: OSIRAA's Python 3.10 reads no trailing Z. */
export function drpInstant(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

/** The due date is a calendar day: the request is expected by the end of it. */
function endOfDay(day: Date): string {
  return `${day.toISOString().slice(0, 10)}T23:59:59.999+00:00`;
}

export function drpStatusOf(source: DrpStatusSource): DrpStatusObject {
  const base = {
    request_id: source.drpRequestId,
    ...(source.agentRequestId ? { agent_request_id: source.agentRequestId } : {}),
    received_at: drpInstant(source.receivedAt),
    // SHOULD always, MUST while in progress (DRP 3.03): the legal due date, kept once closed.
    expected_by: endOfDay(source.dueDate),
  };
  switch (source.status) {
    case "SUBMITTED":
      return {
        ...base,
        status: "in_progress",
        reason: "need_user_verification",
        processing_details: "The person has been emailed a link and a code to confirm the request directly with the business.",
      };
    case "VERIFIED":
    case "AWAITING_SUBJECT":
    case "APPROVED":
    case "IN_PROGRESS":
      return {
        ...base,
        status: "in_progress",
        ...(source.extended ? { processing_details: "The deadline was extended; the person was told why." } : {}),
      };
    case "COMPLETED":
      return { ...base, status: "fulfilled" };
    case "WITHDRAWN":
      return { ...base, status: "revoked" };
    case "DENIED":
      return { ...base, status: "denied", reason: deniedReasons[source.denialReason ?? "OTHER"] };
    case "EXPIRED":
      return { ...base, status: "expired", processing_details: "The person did not confirm the request in time." };
  }
}

/** What a callback reports; a change of it is a change worth a callback (state, reason, expected_by). */
export function drpStatusFingerprint(status: DrpStatusObject): string {
  return [status.status, status.reason ?? "", status.expected_by ?? ""].join("|");
}
