// Which status may follow which (DESIGN.md, "The flow of one request").
import { AppError } from "../errors.ts";
import type { RequestStatus } from "../generated/prisma/enums.ts";

export const openStatuses: RequestStatus[] = ["SUBMITTED", "VERIFIED", "AWAITING_SUBJECT", "APPROVED", "IN_PROGRESS"];

/** While a request is in one of these, its connector tasks may run; in any other, nothing acts on it. */
export const fulfillingStatuses: RequestStatus[] = ["APPROVED", "IN_PROGRESS"];

export function isFulfilling(status: RequestStatus): boolean {
  return fulfillingStatuses.includes(status);
}

const allowed: Record<RequestStatus, RequestStatus[]> = {
  SUBMITTED: ["VERIFIED", "EXPIRED", "DENIED", "WITHDRAWN"],
  VERIFIED: ["APPROVED", "AWAITING_SUBJECT", "DENIED", "WITHDRAWN"],
  AWAITING_SUBJECT: ["VERIFIED", "DENIED", "WITHDRAWN"],
  APPROVED: ["IN_PROGRESS", "COMPLETED", "DENIED", "WITHDRAWN"],
  IN_PROGRESS: ["COMPLETED", "DENIED", "WITHDRAWN"],
  COMPLETED: [],
  DENIED: [],
  WITHDRAWN: [],
  EXPIRED: [],
};

export function isOpen(status: RequestStatus): boolean {
  return openStatuses.includes(status);
}

export function canTransition(from: RequestStatus, to: RequestStatus): boolean {
  return allowed[from].includes(to);
}

export function assertTransition(reference: string, from: RequestStatus, to: RequestStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError("INVALID_STATE", `Request ${reference} is ${from.toLowerCase()} and cannot become ${to.toLowerCase()}.`, {
      details: { reference, from, to },
      text: { key: "staffRequest.errors.cannotBecome", values: { reference, from, to } },
    });
  }
}
