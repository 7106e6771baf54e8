import { describe, expect, it } from "vitest";
import { autoApprovalPolicySchema, autoApproves } from "./auto-approval-policy.ts";

describe("autoApproves", () => {
  const policy = autoApprovalPolicySchema.parse({ rights: { access: ["UK_GDPR", "US_CA"], portability: "all" } });

  it("approves a listed right only in its listed jurisdictions", () => {
    expect(autoApproves(policy, { type: "ACCESS", jurisdiction: "UK_GDPR" })).toBe(true);
    expect(autoApproves(policy, { type: "ACCESS", jurisdiction: "EU_GDPR" })).toBe(false);
  });

  it("approves a right set to all in every jurisdiction, and never a right left out", () => {
    expect(autoApproves(policy, { type: "PORTABILITY", jurisdiction: "BR_LGPD" })).toBe(true);
    expect(autoApproves(policy, { type: "ERASURE", jurisdiction: "UK_GDPR" })).toBe(false);
  });

  it("approves nothing with an empty policy", () => {
    expect(autoApproves({ rights: {} }, { type: "ACCESS", jurisdiction: "EU_GDPR" })).toBe(false);
  });
});

describe("autoApprovalPolicySchema", () => {
  it("refuses an unknown right, an unknown jurisdiction and an empty list, naming them", () => {
    expect(autoApprovalPolicySchema.safeParse({ rights: { shredding: "all" } }).success).toBe(false);
    const unknown = autoApprovalPolicySchema.safeParse({ rights: { access: ["XX_LAW"] } });
    expect(unknown.error?.issues[0].path).toEqual(["rights", "access"]);
    expect(autoApprovalPolicySchema.safeParse({ rights: { access: [] } }).success).toBe(false);
    expect(autoApprovalPolicySchema.safeParse({ rights: {}, extra: 1 }).success).toBe(false);
  });
});
