import { describe, expect, it } from "vitest";
import { compute, LA, LONDON, PARIS, type Row } from "./deadline-cases.test-support.ts";
import { DeadlineError } from "./errors.ts";
import { identityVerificationRequired, rightsGranted } from "./rules.ts";

// Worked out by hand from LEGAL.md ("Opt-out, limit, restriction and objection") and a calendar.
// US-CA public holidays in February 2026: Mon 16 Feb (Presidents' Day) only.
const rows: Row[] = [
  {
    title: "CA opt-out received Fri 30 Jan 2026: 15 business days, Presidents' Day skipped → Fri 20 Feb",
    // Jan 30 (1); Feb 2–6 (2–6); Feb 9–13 (7–11); Feb 16 holiday; Feb 17, 18, 19, 20 (12–15).
    input: { jurisdiction: "US_CA", requestType: "opt_out", receivedAt: "2026-01-30T18:00:00Z", ...LA },
    due: "2026-02-20",
    noticeBy: null,
    max: null,
    ack: null,
  },
  {
    title: "CA limit received Sat 31 Jan 2026: the first business day is Mon 2 Feb → Mon 23 Feb",
    // Feb 2–6 (1–5); Feb 9–13 (6–10); Feb 16 holiday; Feb 17–20 (11–14); Feb 23 (15).
    input: { jurisdiction: "US_CA", requestType: "limit_sensitive", receivedAt: "2026-01-31T18:00:00Z", ...LA },
    due: "2026-02-23",
    noticeBy: null,
    max: null,
    ack: null,
  },
  {
    title: "Virginia opt-out keeps the state's 45 days: Fri 30 Jan 2026 → Sun 15 Mar, extendable to 29 Apr",
    input: { jurisdiction: "US_VA", requestType: "opt_out", receivedAt: "2026-01-30T18:00:00Z", ...LA },
    due: "2026-03-15",
    noticeBy: "2026-03-15",
    max: "2026-04-29",
  },
  {
    title: "EU restriction received Sat 31 Jan 2026: Sat 28 Feb → Mon 2 Mar; at most 30 Apr",
    input: { jurisdiction: "EU_GDPR", requestType: "restriction", receivedAt: "2026-01-31T10:00:00Z", ...PARIS },
    due: "2026-03-02",
    noticeBy: "2026-03-02",
    max: "2026-04-30",
  },
  {
    title: "UK objection as the ICO example: Mon 25 Nov 2024 → Fri 27 Dec 2024",
    input: { jurisdiction: "UK_GDPR", requestType: "objection", receivedAt: "2024-11-25T10:00:00Z", ...LONDON },
    due: "2024-12-27",
    max: "2025-02-25",
  },
];

describe("opt-out, limit, restriction and objection deadlines", () => {
  it.each(rows)("$title", (row) => {
    const result = compute(row.input);
    expect(result.dueDate).toBe(row.due);
    if (row.noticeBy !== undefined) expect(result.extensionNoticeBy).toBe(row.noticeBy);
    if (row.max !== undefined) expect(result.maxExtendedDueDate).toBe(row.max);
    if (row.ack !== undefined) expect(result.acknowledgeBy).toBe(row.ack);
  });

  it("explains the CCPA opt-out's own rule and the business-day count", () => {
    const result = compute({ jurisdiction: "US_CA", requestType: "opt_out", receivedAt: "2026-01-30T18:00:00Z", ...LA });
    expect(result.explanation.join(" ")).toContain("§7026");
    expect(result.explanation.join(" ")).toContain("15 business days");
  });

  it("refuses to extend a California opt-out", () => {
    expect(() =>
      compute({
        jurisdiction: "US_CA",
        requestType: "opt_out",
        receivedAt: "2026-01-30T18:00:00Z",
        ...LA,
        events: [{ type: "extend", at: "2026-02-02T18:00:00Z", reason: "Many systems." }],
      }),
    ).toThrow(DeadlineError);
  });

  it("an access request in California keeps 45 days and its acknowledgement", () => {
    const result = compute({ jurisdiction: "US_CA", requestType: "access", receivedAt: "2026-01-30T18:00:00Z", ...LA });
    expect(result.dueDate).toBe("2026-03-15");
    expect(result.acknowledgeBy).toBe("2026-02-12");
  });
});

describe("which rights each law grants", () => {
  it("grants restriction and objection under the GDPR, not opt-out", () => {
    expect(rightsGranted("EU_GDPR")).toEqual(expect.arrayContaining(["restriction", "objection"]));
    expect(rightsGranted("UK_GDPR")).toEqual(expect.arrayContaining(["restriction", "objection"]));
    expect(rightsGranted("EU_GDPR")).not.toContain("opt_out");
  });

  it("grants opt-out and limit in California, opt-out only in Virginia, neither in Quebec", () => {
    expect(rightsGranted("US_CA")).toEqual(expect.arrayContaining(["opt_out", "limit_sensitive"]));
    expect(rightsGranted("US_CA")).not.toContain("restriction");
    expect(rightsGranted("US_VA")).toContain("opt_out");
    expect(rightsGranted("US_VA")).not.toContain("limit_sensitive");
    expect(rightsGranted("CA_QC")).not.toContain("opt_out");
  });

  it("asks no identity proof for opt-out and limit, as for other rights otherwise", () => {
    expect(identityVerificationRequired("US_CA", "opt_out")).toBe(false);
    expect(identityVerificationRequired("US_CA", "limit_sensitive")).toBe(false);
    expect(identityVerificationRequired("US_CO", "opt_out")).toBe(false);
    expect(identityVerificationRequired("US_CA", "access")).toBe(true);
    expect(identityVerificationRequired("EU_GDPR", "restriction")).toBe(true);
    expect(identityVerificationRequired("EU_GDPR", "objection")).toBe(true);
  });
});
