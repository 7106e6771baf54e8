import { describe, expect, it } from "vitest";
import { checkEnvelope } from "./check-envelope.ts";
import { DrpError } from "./drp-error.ts";

const now = new Date("2026-03-01T10:00:00.000Z");
const expected = { agentId: "AGENT_A", businessId: "SHOP", now };
const claims = (overrides: Record<string, unknown> = {}) => ({
  "agent-id": "AGENT_A",
  "business-id": "SHOP",
  "issued-at": "2026-03-01T09:59:00.000+00:00",
  "expires-at": "2026-03-01T10:14:00.000+00:00",
  ...overrides,
});

describe("checkEnvelope", () => {
  it("accepts a message in its window (OSIRAA's 15 minutes too)", () => {
    expect(checkEnvelope(claims(), expected).expiresAt.toISOString()).toBe("2026-03-01T10:14:00.000Z");
  });

  it.each([
    ["another agent", { "agent-id": "AGENT_B" }, /agent-id/],
    ["another business", { "business-id": "OTHER" }, /business-id/],
    ["an expired message", { "expires-at": "2026-03-01T10:00:00.000Z" }, /expired/],
    ["a message from the future", { "issued-at": "2026-03-01T10:00:06.000Z" }, /future/],
    ["a date that is not ISO 8601", { "issued-at": "yesterday" }, /issued-at/],
    ["a window over a day", { "issued-at": "2026-02-28T09:00:00.000Z", "expires-at": "2026-03-01T10:01:00.000Z" }, /24 hours/],
  ])("refuses %s with 403 naming the claim", (_name, overrides, message) => {
    const attempt = () => checkEnvelope(claims(overrides), expected);
    expect(attempt).toThrow(DrpError);
    expect(attempt).toThrow(message);
  });

  it("allows a few seconds of clock skew", () => {
    expect(() => checkEnvelope(claims({ "issued-at": "2026-03-01T10:00:04.000Z" }), expected)).not.toThrow();
  });
});
