// The columns of the request register (CCPA regs §7101(b): date of request, nature, manner made,
// date and nature of the response, basis for any denial), plus jurisdiction, due date and
// timeliness. A record-keeping document: no personal data, the reference is the only link.
import type { DenialReason, RequestChannel, RequestOutcome, RequestStatus, RequestType } from "../generated/prisma/enums.ts";

/** One row as read from the database (see read-register-page.ts). */
export type RegisterRow = {
  id: string;
  reference: string;
  jurisdiction: string;
  type: RequestType;
  channel: RequestChannel;
  receivedAt: Date;
  receivedDate: string;
  dueDate: string;
  extended: boolean;
  status: RequestStatus;
  outcome: RequestOutcome | null;
  responseDate: string | null;
  decidedAt: Date | null;
  closedAt: Date | null;
  denialReason: DenialReason | null;
  daysToRespond: number | null;
  daysBeforeDue: number | null;
};

/** What the answer was: the "nature of the response" of §7101. */
export type ResponseNature = "complied-in-whole" | "complied-in-part" | "denied" | "withdrawn" | "expired-unverified" | "pending";

/** Why a request was refused, in words an auditor reads without the code book. */
export const denialBasis: Record<DenialReason, string> = {
  IDENTITY_NOT_VERIFIED: "Identity could not be verified",
  MANIFESTLY_UNFOUNDED_OR_EXCESSIVE: "Manifestly unfounded or excessive",
  EXEMPTION_APPLIES: "A legal exemption applies",
  NO_DATA_HELD: "No personal data held",
  AGENT_AUTHORITY_NOT_SHOWN: "Authorized agent's permission not shown",
  OTHER: "Other reason given to the person",
};

/** Each column, in order, with what it holds: the CSV header, the JSON keys and the page's glossary. */
export const registerColumns = [
  { key: "reference", description: "The request's reference, the only link to the person." },
  { key: "jurisdiction", description: "The law whose deadline applies (engine code, e.g. US_CA)." },
  { key: "right", description: "The right exercised (nature of the request): access, rectification, erasure or portability." },
  {
    key: "channel",
    description: "How the request was made: web (the public form), api (an integration or agent) or staff (entered by staff).",
  },
  { key: "receivedAt", description: "The instant the request was received (UTC, ISO 8601)." },
  { key: "receivedDate", description: "The day it was received, on the calendar its deadline is counted in." },
  { key: "dueDate", description: "The day the answer was due, after any extension (end of that day)." },
  { key: "extended", description: "Whether the deadline was extended (with notice to the person)." },
  { key: "status", description: "The request's status when the register was produced." },
  {
    key: "response",
    description:
      "Nature of the response: complied-in-whole, complied-in-part, denied, withdrawn (by the person), expired-unverified (email never confirmed), or pending.",
  },
  { key: "responseDate", description: "The day of the answer (completed or denied requests only)." },
  { key: "decidedAt", description: "The instant staff approved or denied the request (UTC), if they did." },
  { key: "closedAt", description: "The instant the request was closed, whatever the reason (UTC)." },
  { key: "denialReason", description: "The recorded basis of a denial, as a code." },
  { key: "denialBasis", description: "The same basis in words. The message written to the person is not included." },
  { key: "daysToRespond", description: "Calendar days from the day of receipt to the day of the answer (same day = 0)." },
  { key: "daysBeforeDue", description: "Days between the answer and the due date: positive early, 0 on the due date, negative late." },
  { key: "onTime", description: "Whether the answer came on or before the due date." },
] as const;

export type RegisterColumn = (typeof registerColumns)[number]["key"];
export type RegisterRecord = Record<RegisterColumn, string | number | boolean | null>;

export function responseNature(row: Pick<RegisterRow, "status" | "outcome">): ResponseNature {
  switch (row.status) {
    case "COMPLETED":
      return row.outcome === "PARTIALLY_FULFILLED" ? "complied-in-part" : "complied-in-whole";
    case "DENIED":
      return "denied";
    case "WITHDRAWN":
      return "withdrawn";
    case "EXPIRED":
      return "expired-unverified";
    default:
      return "pending";
  }
}

export function registerRecord(row: RegisterRow): RegisterRecord {
  return {
    reference: row.reference,
    jurisdiction: row.jurisdiction,
    right: row.type.toLowerCase(),
    channel: row.channel.toLowerCase(),
    receivedAt: row.receivedAt.toISOString(),
    receivedDate: row.receivedDate,
    dueDate: row.dueDate,
    extended: row.extended,
    status: row.status.toLowerCase(),
    response: responseNature(row),
    responseDate: row.responseDate,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    denialReason: row.denialReason,
    denialBasis: row.denialReason ? denialBasis[row.denialReason] : null,
    daysToRespond: row.daysToRespond,
    daysBeforeDue: row.daysBeforeDue,
    onTime: row.daysBeforeDue === null ? null : row.daysBeforeDue >= 0,
  };
}
