// How stored requests read in the staff API: masked addresses in lists, days left on the
// controller's calendar, tasks' progress.
import { describe, expect, it } from "vitest";
import { daysLeft, maskEmail, taskProgress } from "./request-views.ts";

describe("maskEmail", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskEmail("camille.durand@example.com")).toBe("c***@example.com");
    expect(maskEmail("a@b.example")).toBe("a***@b.example");
    expect(maskEmail("no-at-sign")).toBe("***");
    expect(maskEmail(null)).toBeNull();
  });
});

describe("daysLeft", () => {
  const due = new Date("2026-03-10T00:00:00.000Z");

  it("counts calendar days from today in the controller's time zone", () => {
    // 23:30 in UTC on the 9th is already the 10th in Paris: due today.
    expect(daysLeft({ status: "VERIFIED", dueDate: due, timeZone: "Europe/Paris" }, new Date("2026-03-09T23:30:00Z"))).toBe(0);
    expect(daysLeft({ status: "VERIFIED", dueDate: due, timeZone: "America/Los_Angeles" }, new Date("2026-03-09T23:30:00Z"))).toBe(1);
    expect(daysLeft({ status: "IN_PROGRESS", dueDate: due, timeZone: "Europe/Paris" }, new Date("2026-03-13T12:00:00Z"))).toBe(-3);
  });

  it("is null once the request is closed", () => {
    for (const status of ["COMPLETED", "DENIED", "WITHDRAWN", "EXPIRED"] as const) {
      expect(daysLeft({ status, dueDate: due, timeZone: "Europe/Paris" }, new Date("2026-03-01T12:00:00Z"))).toBeNull();
    }
  });
});

describe("taskProgress", () => {
  it("counts succeeded, failed and the rest as open", () => {
    expect(
      taskProgress([
        { status: "SUCCEEDED", count: 2 },
        { status: "FAILED", count: 1 },
        { status: "WAITING_CALLBACK", count: 1 },
        { status: "PENDING", count: 3 },
      ]),
    ).toEqual({ total: 7, succeeded: 2, failed: 1, open: 4 });
    expect(taskProgress([])).toEqual({ total: 0, succeeded: 0, failed: 0, open: 0 });
  });
});
