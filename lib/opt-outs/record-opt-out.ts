// An opt-out relayed by an integration (GPC or an opt-out link): an `opt_out` request with no
// verification step (the law asks none, LEGAL.md), approved at once and fanned out like any other.
// Repeats for the same person within OPT_OUT_MERGE_WINDOW_HOURS answer the request already made:
// a transaction-scoped advisory lock on the person makes two concurrent calls one request.
import { emailHash, normaliseEmail, randomReference } from "../crypto.ts";
import { db, type Tx } from "../db.ts";
import { isJurisdictionCode, jurisdictionRules } from "../deadlines/index.ts";
import { env } from "../env.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { approveRequest } from "../requests/approve-request.ts";
import { computeRequestDeadline, deadlineColumns } from "../requests/request-deadline.ts";
import type { RecordOptOutInput } from "./opt-out-input.schema.ts";

const HOUR = 3_600_000;
const closedStatuses = ["DENIED", "WITHDRAWN", "EXPIRED"] as const;

export async function recordOptOut(options: { input: RecordOptOutInput; actor: Actor; apiKeyId: string; now?: Date }) {
  const config = env();
  const now = options.now ?? new Date();
  const { input } = options;
  const email = normaliseEmail(input.email);
  const hash = emailHash(email);
  const jurisdiction = isJurisdictionCode(config.OPT_OUT_SIGNAL_JURISDICTION) ? config.OPT_OUT_SIGNAL_JURISDICTION : "US_CA";
  const [place] = jurisdictionRules[jurisdiction].appliesTo;
  const channel = input.signal === "gpc" ? "GPC" : "LINK";

  const outcome = await db().$transaction(async (tx: Tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`opt-out:${hash}`}, 0))`;
    const since = new Date(now.getTime() - config.OPT_OUT_MERGE_WINDOW_HOURS * HOUR);
    const recent = await tx.dsarRequest.findFirst({
      where: { emailHash: hash, type: "OPT_OUT", receivedAt: { gte: since }, status: { notIn: [...closedStatuses] } },
      orderBy: { receivedAt: "desc" },
      select: { id: true, reference: true, status: true },
    });
    if (recent) {
      await appendAuditEvent(tx, {
        requestId: recent.id,
        actor: options.actor,
        action: "opt-out.repeated",
        data: { signal: input.signal, observedAt: input.observedAt ?? null },
      });
      return { reference: recent.reference, status: recent.status as string, merged: true };
    }
    const clock = {
      jurisdiction,
      type: "OPT_OUT" as const,
      receivedAt: now,
      timeZone: config.CONTROLLER_TIME_ZONE,
      holidayRegion: config.CONTROLLER_HOLIDAY_REGION,
    };
    const created = await tx.dsarRequest.create({
      data: {
        ...clock,
        reference: randomReference(),
        submissionId: crypto.randomUUID(),
        // No identity or email proof to wait for: the integration relays the person's own signal.
        status: "VERIFIED",
        verifiedAt: now,
        acknowledgedAt: now,
        verifyBy: now,
        channel,
        locale: "en",
        email,
        emailHash: hash,
        accountId: input.accountId ?? null,
        // The integration is the company's own system: the account number it sends is its own record.
        accountIdConfirmedAt: input.accountId ? now : null,
        accountIdConfirmedByKeyId: input.accountId ? options.apiKeyId : null,
        country: place.slice(0, 2),
        region: place.includes("-") ? place : null,
        ...deadlineColumns(computeRequestDeadline(clock)),
      },
      select: { id: true, reference: true, dueDate: true },
    });
    await appendAuditEvent(tx, {
      requestId: created.id,
      actor: options.actor,
      action: "request.submitted",
      data: {
        type: "OPT_OUT",
        channel,
        jurisdiction,
        signal: input.signal,
        observedAt: input.observedAt ?? null,
        residence: "not known: handled under the configured opt-out signal law",
        withAccountId: Boolean(input.accountId),
        dueDate: created.dueDate.toISOString().slice(0, 10),
      },
    });
    return { reference: created.reference, status: "VERIFIED", merged: false };
  });
  if (outcome.merged) return { ...outcome, status: outcome.status.toLowerCase() };
  await approveRequest({ reference: outcome.reference, actor: options.actor, now });
  return { reference: outcome.reference, status: "in_progress", merged: false };
}
