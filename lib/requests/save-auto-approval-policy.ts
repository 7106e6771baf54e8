// Admins change which requests are approved without review. The change is audited (who, and the
// new policy: rights and jurisdiction codes, nothing personal); "reset" returns to the
// environment default (AUTO_APPROVE_RIGHTS).
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { AUTO_APPROVAL_SETTING_KEY, type AutoApprovalPolicy, autoApprovalPolicySchema } from "./auto-approval-policy.ts";

export async function saveAutoApprovalPolicy(options: { policy: AutoApprovalPolicy | null; actor: Actor }) {
  const policy = options.policy === null ? null : autoApprovalPolicySchema.parse(options.policy);
  const updatedById = options.actor.type === "STAFF" ? (options.actor.id ?? null) : null;
  await db().$transaction(async (tx: Tx) => {
    if (policy === null) {
      await tx.setting.deleteMany({ where: { key: AUTO_APPROVAL_SETTING_KEY } });
    } else {
      await tx.setting.upsert({
        where: { key: AUTO_APPROVAL_SETTING_KEY },
        create: { key: AUTO_APPROVAL_SETTING_KEY, value: policy, updatedById },
        update: { value: policy, updatedById },
      });
    }
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: "settings.auto-approval-changed",
      data: policy === null ? { reset: true } : { rights: policy.rights },
    });
  });
  return policy;
}
