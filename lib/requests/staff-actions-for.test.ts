import { describe, expect, it } from "vitest";
import { RequestStatus } from "../generated/prisma/enums.ts";
import { canTransition } from "./request-status.ts";
import { staffActionsFor } from "./staff-actions-for.ts";

const extendable = new Date("2030-03-01");
const actions = (status: RequestStatus, tasks: Parameters<typeof staffActionsFor>[1] = []) =>
  staffActionsFor({ status, maxExtendedDueDate: extendable }, tasks);

describe("staffActionsFor", () => {
  it("offers approval only where the status may become approved", () => {
    for (const status of Object.values(RequestStatus)) {
      expect(actions(status).approve, status).toBe(status === "VERIFIED" && canTransition(status, "APPROVED"));
    }
  });

  it("offers denial with every reason once verified, only for identity before, and never after approval", () => {
    expect(actions("VERIFIED").denyReasons).toHaveLength(5);
    expect(actions("AWAITING_SUBJECT").denyReasons).toHaveLength(5);
    expect(actions("SUBMITTED").denyReasons).toEqual(["IDENTITY_NOT_VERIFIED"]);
    for (const status of ["APPROVED", "IN_PROGRESS", "COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"] as const) {
      expect(actions(status).denyReasons, status).toEqual([]);
    }
  });

  it("offers 'agent authority not shown' only for a request an agent filed", () => {
    expect(actions("VERIFIED").denyReasons).not.toContain("AGENT_AUTHORITY_NOT_SHOWN");
    const filed = staffActionsFor({ status: "VERIFIED", maxExtendedDueDate: extendable, filedByAgent: true }, []);
    expect(filed.denyReasons).toContain("AGENT_AUTHORITY_NOT_SHOWN");
    expect(filed.denyReasons.at(-1)).toBe("OTHER");
  });

  it("offers to confirm the account number only between verification and approval", () => {
    for (const status of Object.values(RequestStatus)) {
      expect(actions(status).confirmAccountId, status).toBe(status === "VERIFIED" || status === "AWAITING_SUBJECT");
    }
  });

  it("offers nothing but a note on a closed request", () => {
    for (const status of ["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"] as const) {
      const offered = actions(status);
      expect([offered.approve, offered.askForInformation, offered.extend, offered.assign, offered.close], status).toEqual([
        false,
        false,
        false,
        false,
        false,
      ]);
      expect(offered.note).toBe(true);
    }
  });

  it("offers an extension only where the law allows one, after verification", () => {
    expect(actions("VERIFIED").extend).toBe(true);
    expect(actions("SUBMITTED").extend).toBe(false);
    expect(staffActionsFor({ status: "VERIFIED", maxExtendedDueDate: null }, []).extend).toBe(false);
  });

  it("offers a close by hand once approved, unless a task is queued or running", () => {
    expect(actions("IN_PROGRESS", [{ status: "FAILED", connectorType: "postgres" }]).close).toBe(true);
    expect(actions("IN_PROGRESS", [{ status: "RUNNING", connectorType: "postgres" }]).close).toBe(false);
    expect(actions("VERIFIED").close).toBe(false);
  });

  it("offers a retry for a failed task and completion for a manual task waiting for staff", () => {
    const offered = actions("IN_PROGRESS");
    expect(offered.retryTask({ status: "FAILED", connectorType: "http" })).toBe(true);
    expect(offered.retryTask({ status: "SUCCEEDED", connectorType: "http" })).toBe(false);
    expect(offered.completeTask({ status: "AWAITING_STAFF", connectorType: "manual" })).toBe(true);
    expect(offered.completeTask({ status: "AWAITING_STAFF", connectorType: "http" })).toBe(false);
  });

  it("offers neither retry nor completion once the request is closed: nothing may act on it any more", () => {
    for (const status of ["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED", "VERIFIED"] as const) {
      const offered = actions(status);
      expect(offered.retryTask({ status: "FAILED", connectorType: "http" }), status).toBe(false);
      expect(offered.completeTask({ status: "AWAITING_STAFF", connectorType: "manual" }), status).toBe(false);
    }
    expect(actions("APPROVED").retryTask({ status: "FAILED", connectorType: "http" })).toBe(true);
  });
});
