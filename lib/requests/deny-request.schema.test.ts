// Which refusals must be explained to the person: the reason alone is not enough where the law
// expects the controller to show why (manifestly unfounded or excessive, an exemption, other).
import { describe, expect, it } from "vitest";
import { denyRequestSchema } from "./deny-request.ts";

describe("denyRequestSchema", () => {
  it.each(["MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", "EXEMPTION_APPLIES", "OTHER"] as const)(
    "refuses %s without an explanation, naming the message field",
    (reason) => {
      const result = denyRequestSchema.safeParse({ reason });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(["message"]);
      expect(result.error?.issues[0]?.message).toMatch(/explain/i);
      expect(denyRequestSchema.safeParse({ reason, message: "too short" }).success).toBe(false);
    },
  );

  it.each(["IDENTITY_NOT_VERIFIED", "NO_DATA_HELD"] as const)("accepts %s without an explanation", (reason) => {
    expect(denyRequestSchema.safeParse({ reason }).success).toBe(true);
  });

  it("accepts an explained exemption", () => {
    const parsed = denyRequestSchema.parse({ reason: "EXEMPTION_APPLIES", message: "Legal privilege covers these documents." });
    expect(parsed.message).toBe("Legal privilege covers these documents.");
  });
});
