// Optional auto-approval: verified requests whose right (and jurisdiction) the policy names are
// approved at once (auto-approval-policy.ts; off by default: every request waits for a person).
// Runs after the verification committed; a failure leaves the request verified, for staff to approve.
import { db } from "../db.ts";
import { loggableError, logger } from "../logger.ts";
import { approveRequest } from "./approve-request.ts";
import { autoApproves, readAutoApprovalPolicy } from "./auto-approval-policy.ts";

export async function autoApproveVerified(references: string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const policy = await readAutoApprovalPolicy();
  if (Object.keys(policy.rights).length === 0) return [];
  const verified = await db().dsarRequest.findMany({
    where: { reference: { in: references }, status: "VERIFIED" },
    select: { reference: true, type: true, jurisdiction: true },
  });
  const approved: string[] = [];
  for (const request of verified.filter((candidate) => autoApproves(policy, candidate))) {
    try {
      await approveRequest({ reference: request.reference, actor: { type: "SYSTEM", id: "auto-approval" } });
      approved.push(request.reference);
    } catch (error) {
      logger.warn({ reference: request.reference, err: loggableError(error) }, "auto-approval failed; the request waits for staff");
    }
  }
  return approved;
}
