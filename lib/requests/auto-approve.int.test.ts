// Auto-approval per right and jurisdiction: off by default, set by admins in the "autoApproval"
// setting, with AUTO_APPROVE_RIGHTS as the default until they do.
import { afterEach, describe, expect, it } from "vitest";
import { fileRequest } from "../../tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "../../tests/support/use-workers.ts";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { AUTO_APPROVAL_SETTING_KEY, readAutoApprovalPolicy } from "./auto-approval-policy.ts";
import { saveAutoApprovalPolicy } from "./save-auto-approval-policy.ts";

runWorkersDuringTests();
const admin = { type: "STAFF" as const, id: "00000000-0000-4000-8000-000000000003" };

// The setting is shared by every test file of the run: leave it as we found it (absent).
afterEach(async () => {
  await db().setting.deleteMany({ where: { key: AUTO_APPROVAL_SETTING_KEY } });
  env().AUTO_APPROVE_RIGHTS.length = 0;
});

async function approvedBySystem(reference: string) {
  const request = await db().dsarRequest.findUniqueOrThrow({ where: { reference } });
  const approval = await db().auditEvent.findFirst({ where: { requestId: request.id, action: "request.approved" } });
  return { status: request.status, approvedBy: approval?.actorId ?? null };
}

describe("auto-approval", () => {
  it("is off by default: a verified request waits for staff", async () => {
    expect(await readAutoApprovalPolicy()).toEqual({ source: "environment", rights: {} });
    const { reference } = await fileRequest({ type: "access" });
    expect(await approvedBySystem(reference)).toEqual({ status: "VERIFIED", approvedBy: null });
  });

  it("approves a right only in the jurisdictions the admins chose", async () => {
    await saveAutoApprovalPolicy({ policy: { rights: { access: ["UK_GDPR"] } }, actor: admin });
    const british = await fileRequest({ type: "access", country: "GB" });
    const french = await fileRequest({ type: "access", country: "FR" });
    const britishErasure = await fileRequest({ type: "erasure", country: "GB" });
    expect((await approvedBySystem(british.reference)).approvedBy).toBe("auto-approval");
    expect(await approvedBySystem(french.reference)).toEqual({ status: "VERIFIED", approvedBy: null });
    expect(await approvedBySystem(britishErasure.reference)).toEqual({ status: "VERIFIED", approvedBy: null });
  });

  it("approves a right set to all jurisdictions anywhere", async () => {
    await saveAutoApprovalPolicy({ policy: { rights: { portability: "all" } }, actor: admin });
    const { reference } = await fileRequest({ type: "portability", country: "US", region: "US-VA" });
    expect((await approvedBySystem(reference)).approvedBy).toBe("auto-approval");
  });

  it("falls back to AUTO_APPROVE_RIGHTS in every jurisdiction until the admins save a policy, which then wins", async () => {
    env().AUTO_APPROVE_RIGHTS.push("access");
    expect(await readAutoApprovalPolicy()).toEqual({ source: "environment", rights: { access: "all" } });
    const byDefault = await fileRequest({ type: "access", country: "BR" });
    expect((await approvedBySystem(byDefault.reference)).approvedBy).toBe("auto-approval");
    // An empty policy saved by an admin turns auto-approval off whatever the environment says.
    await saveAutoApprovalPolicy({ policy: { rights: {} }, actor: admin });
    const afterSave = await fileRequest({ type: "access", country: "BR" });
    expect((await approvedBySystem(afterSave.reference)).status).toBe("VERIFIED");
    await saveAutoApprovalPolicy({ policy: null, actor: admin });
    expect((await readAutoApprovalPolicy()).source).toBe("environment");
  });

  it("audits each change with the policy and who made it", async () => {
    await saveAutoApprovalPolicy({ policy: { rights: { erasure: ["EU_GDPR", "CH_FADP"] } }, actor: admin });
    const setting = await db().setting.findUniqueOrThrow({ where: { key: AUTO_APPROVAL_SETTING_KEY } });
    expect(setting).toMatchObject({ value: { rights: { erasure: ["EU_GDPR", "CH_FADP"] } }, updatedById: admin.id });
    await saveAutoApprovalPolicy({ policy: null, actor: admin });
    const audit = await db().auditEvent.findMany({
      where: { action: "settings.auto-approval-changed", actorId: admin.id },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audit.map((event) => event.data)).toEqual([{ reset: true }, { rights: { erasure: ["EU_GDPR", "CH_FADP"] } }]);
  });

  it("approves nothing when the stored setting cannot be read", async () => {
    await db().setting.create({ data: { key: AUTO_APPROVAL_SETTING_KEY, value: { rights: { access: "everywhere" } } } });
    expect(await readAutoApprovalPolicy()).toMatchObject({ source: "setting", rights: {} });
    const { reference } = await fileRequest({ type: "access" });
    expect((await approvedBySystem(reference)).status).toBe("VERIFIED");
  });

  it("refuses to save a jurisdiction that does not exist", async () => {
    await expect(saveAutoApprovalPolicy({ policy: { rights: { access: ["XX_LAW" as never] } }, actor: admin })).rejects.toThrow();
    expect(await db().setting.count({ where: { key: AUTO_APPROVAL_SETTING_KEY } })).toBe(0);
  });
});
