// The columns of the request register (CCPA regs §7101(b): date of request, nature, manner made,
// date and nature of the response, basis for any denial), plus jurisdiction, due date and
// timeliness. A record-keeping document: no personal data, the reference is the only link.
import english from "../../messages/en/staff-reports.json";
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

/**
 * Each column, in order, with what it holds: the CSV header, the JSON keys and the page's glossary.
 * The headers and codes stay English in every language (machine-readable); the descriptions are
 * the catalogue's (staffReports.column), English here for the API.
 */
const columnKeys = [
  "reference",
  "jurisdiction",
  "right",
  "channel",
  "receivedAt",
  "receivedDate",
  "dueDate",
  "extended",
  "status",
  "response",
  "responseDate",
  "decidedAt",
  "closedAt",
  "denialReason",
  "denialBasis",
  "daysToRespond",
  "daysBeforeDue",
  "onTime",
] as const;

export const registerColumns = columnKeys.map((key) => ({ key, description: english.column[key] }));

export type RegisterColumn = (typeof columnKeys)[number];
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
