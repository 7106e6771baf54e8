// Which verified requests are approved without review: per right, in all jurisdictions or only
// some. Admins set it in the Setting row "autoApproval" (app/staff/settings/auto-approval);
// until they do, AUTO_APPROVE_RIGHTS applies to every jurisdiction. Off by default: with neither,
// every request waits for a person.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { JURISDICTIONS, type JurisdictionCode, REQUEST_TYPES, type RequestType } from "../deadlines/index.ts";
import { env } from "../env.ts";
import { logger } from "../logger.ts";

export const AUTO_APPROVAL_SETTING_KEY = "autoApproval";

/** Per right: "all" jurisdictions, or the listed ones; a right left out is never auto-approved. */
export const autoApprovalPolicySchema = z.strictObject({
  rights: z.partialRecord(z.enum(REQUEST_TYPES), z.union([z.literal("all"), z.array(z.enum(JURISDICTIONS)).min(1)])),
});

export type AutoApprovalPolicy = z.output<typeof autoApprovalPolicySchema>;

export type EffectivePolicy = AutoApprovalPolicy & {
  /** Where it comes from: the admins' setting, or the environment default. */
  source: "setting" | "environment";
  updatedAt?: Date;
};

export async function readAutoApprovalPolicy(tx?: Tx): Promise<EffectivePolicy> {
  const row = await (tx ?? db()).setting.findUnique({ where: { key: AUTO_APPROVAL_SETTING_KEY } });
  if (!row) {
    return { source: "environment", rights: Object.fromEntries(env().AUTO_APPROVE_RIGHTS.map((right) => [right, "all"])) };
  }
  const parsed = autoApprovalPolicySchema.safeParse(row.value);
  if (!parsed.success) {
    // A value no admin could have saved: approving on a guess is worse than waiting for staff.
    logger.error(
      { key: AUTO_APPROVAL_SETTING_KEY, issues: parsed.error.issues.length },
      "unreadable auto-approval setting; nothing is auto-approved",
    );
    return { source: "setting", rights: {}, updatedAt: row.updatedAt };
  }
  return { source: "setting", ...parsed.data, updatedAt: row.updatedAt };
}

export function autoApproves(policy: AutoApprovalPolicy, request: { type: string; jurisdiction: string }): boolean {
  const scope = policy.rights[request.type.toLowerCase() as RequestType];
  if (!scope) return false;
  return scope === "all" || scope.includes(request.jurisdiction as JurisdictionCode);
}
