// Optional auto-approval: verified requests whose right (and jurisdiction) the policy names, and
// those whose law asks no identity proof (opt-out, limit), are approved at once (auto-approval-policy.ts; off by default: every request waits for a person).
// Runs after the verification committed; a failure leaves the request verified, for staff to approve.
import { db } from "../db.ts";
import { identityVerificationRequired, isJurisdictionCode, type RequestType } from "../deadlines/index.ts";
import { loggableError, logger } from "../logger.ts";
import { approveRequest } from "./approve-request.ts";
import { autoApproves, readAutoApprovalPolicy } from "./auto-approval-policy.ts";

/**
 * Opt-out and limit requests (CCPA §7026, §7027; the Virginia-model acts): the law forbids asking
 * for identity proof, so once the email is confirmed there is nothing left for staff to check.
 */
function needsNoIdentityCheck(request: { type: string; jurisdiction: string }): boolean {
  if (!isJurisdictionCode(request.jurisdiction)) return false;
  return !identityVerificationRequired(request.jurisdiction, request.type.toLowerCase() as RequestType);
}

export async function autoApproveVerified(references: string[]): Promise<string[]> {
  if (references.length === 0) return [];
  const policy = await readAutoApprovalPolicy();
  const verified = await db().dsarRequest.findMany({
    // A request an authorized agent filed waits for staff to check the person's signed permission.
    where: { reference: { in: references }, status: "VERIFIED", agentAuthorization: { is: null } },
    select: { reference: true, type: true, jurisdiction: true },
  });
  const approved: string[] = [];
  for (const request of verified.filter((candidate) => autoApproves(policy, candidate) || needsNoIdentityCheck(candidate))) {
    const by = autoApproves(policy, request) ? "auto-approval" : "no-identity-verification";
    try {
      await approveRequest({ reference: request.reference, actor: { type: "SYSTEM", id: by } });
      approved.push(request.reference);
    } catch (error) {
      logger.warn({ reference: request.reference, err: loggableError(error) }, "auto-approval failed; the request waits for staff");
    }
  }
  return approved;
}
