import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { RequestStatus } from "../generated/prisma/enums.ts";
import { assertTransition, canTransition, isOpen } from "./request-status.ts";

const allStatuses = Object.values(RequestStatus);
const open: RequestStatus[] = ["SUBMITTED", "VERIFIED", "AWAITING_SUBJECT", "APPROVED", "IN_PROGRESS"];
const closed: RequestStatus[] = ["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"];

// The flow of one request (DESIGN.md).
const allowedSteps: Array<[from: RequestStatus, to: RequestStatus, why: string]> = [
  ["SUBMITTED", "VERIFIED", "the person clicked the link or typed the code"],
  ["SUBMITTED", "EXPIRED", "the person never confirmed their email"],
  ["VERIFIED", "APPROVED", "staff (or the rules) approved the request"],
  ["VERIFIED", "AWAITING_SUBJECT", "staff asked the person for more information"],
  ["AWAITING_SUBJECT", "VERIFIED", "the person answered"],
  ["APPROVED", "IN_PROGRESS", "fulfilment started"],
  ["APPROVED", "COMPLETED", "there was nothing to fetch"],
  ["IN_PROGRESS", "COMPLETED", "the package is ready"],
];

const refusedSteps: Array<[from: RequestStatus, to: RequestStatus, why: string]> = [
  ["SUBMITTED", "APPROVED", "an unverified request cannot be approved"],
  ["SUBMITTED", "IN_PROGRESS", "an unverified request cannot be worked on"],
  ["SUBMITTED", "COMPLETED", "an unverified request cannot be completed"],
  ["SUBMITTED", "AWAITING_SUBJECT", "staff cannot ask questions before verification"],
  ["VERIFIED", "EXPIRED", "only unverified requests expire"],
  ["VERIFIED", "COMPLETED", "a request is approved before it is completed"],
  ["AWAITING_SUBJECT", "APPROVED", "the answer goes back to verified first"],
  ["AWAITING_SUBJECT", "EXPIRED", "waiting for the person pauses the clock, it does not expire the request"],
  ["IN_PROGRESS", "APPROVED", "work in progress does not go back"],
  ["APPROVED", "VERIFIED", "an approval is not taken back"],
  ["EXPIRED", "VERIFIED", "a late click does not revive an expired request"],
  ["WITHDRAWN", "SUBMITTED", "a withdrawn request stays withdrawn"],
  ["COMPLETED", "IN_PROGRESS", "a completed request is not reopened"],
];

describe("isOpen", () => {
  it.each(open)("counts %s as open", (status) => {
    expect(isOpen(status)).toBe(true);
  });

  it.each(closed)("counts %s as closed", (status) => {
    expect(isOpen(status)).toBe(false);
  });

  it("knows every status of the database", () => {
    expect([...open, ...closed].sort()).toEqual([...allStatuses].sort());
  });
});

describe("canTransition", () => {
  it.each(allowedSteps)("lets %s become %s (%s)", (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each(refusedSteps)("does not let %s become %s (%s)", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it.each(closed)("lets nothing follow %s", (from) => {
    for (const to of allStatuses) expect(canTransition(from, to), `${from} → ${to}`).toBe(false);
  });

  it.each(open)("lets the person withdraw, and staff deny, a request that is %s", (from) => {
    expect(canTransition(from, "WITHDRAWN")).toBe(true);
    expect(canTransition(from, "DENIED")).toBe(true);
  });

  it.each(allStatuses)("does not let %s become itself", (status) => {
    expect(canTransition(status, status)).toBe(false);
  });

  it.each(allStatuses)("does not let %s go back to SUBMITTED", (from) => {
    expect(canTransition(from, "SUBMITTED")).toBe(false);
  });
});

describe("assertTransition", () => {
  it("lets an allowed step through", () => {
    expect(() => assertTransition("DSR-7K3M-Q9PX", "SUBMITTED", "VERIFIED")).not.toThrow();
  });

  it("refuses a forbidden step with a conflict naming the request and both statuses", () => {
    let caught: unknown;
    try {
      assertTransition("DSR-7K3M-Q9PX", "WITHDRAWN", "VERIFIED");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe("INVALID_STATE");
    expect(error.status).toBe(409);
    expect(error.message).toBe("Request DSR-7K3M-Q9PX is withdrawn and cannot become verified.");
    expect(error.details).toEqual({ reference: "DSR-7K3M-Q9PX", from: "WITHDRAWN", to: "VERIFIED" });
  });

  it.each(refusedSteps)("refuses %s → %s", (from, to) => {
    expect(() => assertTransition("DSR-0000-0000", from, to)).toThrow(/DSR-0000-0000/);
  });
});
