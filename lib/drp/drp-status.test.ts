import { describe, expect, it } from "vitest";
import { type DrpStatusSource, drpStatusFingerprint, drpStatusOf } from "./drp-status.ts";

const source = (overrides: Partial<DrpStatusSource> = {}): DrpStatusSource => ({
  drpRequestId: "c789ff35-0000-4000-8000-000000000001",
  agentRequestId: null,
  status: "SUBMITTED",
  denialReason: null,
  receivedAt: new Date("2026-03-01T10:00:00.000Z"),
  dueDate: new Date("2026-04-15T00:00:00.000Z"),
  extended: false,
  ...overrides,
});

describe("drpStatusOf", () => {
  it("maps an unverified request to in_progress needing the person's verification, with both dates", () => {
    expect(drpStatusOf(source({ agentRequestId: "foo" }))).toEqual({
      request_id: "c789ff35-0000-4000-8000-000000000001",
      agent_request_id: "foo",
      status: "in_progress",
      reason: "need_user_verification",
      received_at: "2026-03-01T10:00:00.000+00:00",
      expected_by: "2026-04-15T23:59:59.999+00:00",
      processing_details: expect.any(String),
    });
  });

  it.each([
    ["VERIFIED", "in_progress"],
    ["APPROVED", "in_progress"],
    ["IN_PROGRESS", "in_progress"],
    ["AWAITING_SUBJECT", "in_progress"],
    ["COMPLETED", "fulfilled"],
    ["WITHDRAWN", "revoked"],
    ["EXPIRED", "expired"],
  ] as const)("maps %s to %s", (status, state) => {
    const object = drpStatusOf(source({ status }));
    expect(object.status).toBe(state);
    expect(object.expected_by).toBeDefined();
    if (state !== "in_progress") expect(object.reason).toBeUndefined();
  });

  it.each([
    ["IDENTITY_NOT_VERIFIED", "insuf_verification"],
    ["NO_DATA_HELD", "no_match"],
    ["EXEMPTION_APPLIES", "claim_not_covered"],
    ["MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", "too_many_requests"],
    ["OTHER", "other"],
  ] as const)("names the denial %s with the spec's reason %s", (denialReason, reason) => {
    expect(drpStatusOf(source({ status: "DENIED", denialReason }))).toMatchObject({ status: "denied", reason });
  });

  it("changes its fingerprint when the due date moves (an extension is a callback)", () => {
    const before = drpStatusFingerprint(drpStatusOf(source({ status: "VERIFIED" })));
    const after = drpStatusFingerprint(
      drpStatusOf(source({ status: "VERIFIED", extended: true, dueDate: new Date("2026-06-15T00:00:00Z") })),
    );
    expect(after).not.toBe(before);
  });
});
