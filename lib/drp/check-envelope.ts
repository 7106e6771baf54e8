// The claims every signed DRP request carries (DRP 3.07): who sent it, to whom, and when it is
// valid. A message outside its window, for another business or from another agent is refused.
import { DrpError } from "./drp-error.ts";

/** Clocks differ by a few seconds; a message issued further in the future is refused. */
export const CLOCK_SKEW_MS = 5_000;
/** DRP recommends short windows (10 minutes; OSIRAA signs 15). Longer than a day is refused. */
export const LONGEST_WINDOW_MS = 24 * 3_600_000;

export type Envelope = { issuedAt: Date; expiresAt: Date };

function instant(claims: Record<string, unknown>, name: string): Date {
  const value = claims[name];
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new DrpError(403, `The claim "${name}" must be an ISO 8601 date and time.`);
  return date;
}

export function checkEnvelope(claims: Record<string, unknown>, expected: { agentId: string; businessId: string; now: Date }): Envelope {
  if (claims["agent-id"] !== expected.agentId) {
    throw new DrpError(403, `The claim "agent-id" does not name the agent this message is authenticated as (${expected.agentId}).`);
  }
  if (claims["business-id"] !== expected.businessId) {
    throw new DrpError(403, `The claim "business-id" does not name this business (${expected.businessId}).`);
  }
  const issuedAt = instant(claims, "issued-at");
  const expiresAt = instant(claims, "expires-at");
  const now = expected.now.getTime();
  if (issuedAt.getTime() > now + CLOCK_SKEW_MS)
    throw new DrpError(403, `The message is issued in the future ("issued-at" ${issuedAt.toISOString()}).`);
  if (expiresAt.getTime() <= now) throw new DrpError(403, `The message expired at ${expiresAt.toISOString()} ("expires-at").`, true);
  if (expiresAt.getTime() <= issuedAt.getTime()) throw new DrpError(403, `"expires-at" must come after "issued-at".`);
  if (expiresAt.getTime() - issuedAt.getTime() > LONGEST_WINDOW_MS) {
    throw new DrpError(403, `The message is valid for more than 24 hours ("issued-at" to "expires-at"); sign it for a shorter window.`);
  }
  return { issuedAt, expiresAt };
}
