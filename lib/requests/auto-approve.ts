// Optional auto-approval: verified requests for the rights listed in AUTO_APPROVE_RIGHTS are
// approved at once (off by default: every request waits for a person). Runs after the
// verification committed; a failure leaves the request verified, for staff to approve.
import { db } from "../db.ts";
import { env } from "../env.ts";
import { loggableError, logger } from "../logger.ts";
import { approveRequest } from "./approve-request.ts";

export async function autoApproveVerified(references: string[]): Promise<string[]> {
  const rights = env().AUTO_APPROVE_RIGHTS;
  if (rights.length === 0 || references.length === 0) return [];
  const candidates = await db().dsarRequest.findMany({
    where: { reference: { in: references }, status: "VERIFIED", type: { in: rights.map((r) => r.toUpperCase() as "ACCESS") } },
    select: { reference: true },
  });
  const approved: string[] = [];
  for (const { reference } of candidates) {
    try {
      await approveRequest({ reference, actor: { type: "SYSTEM", id: "auto-approval" } });
      approved.push(reference);
    } catch (error) {
      logger.warn({ reference, err: loggableError(error) }, "auto-approval failed; the request waits for staff");
    }
  }
  return approved;
}
