// An opt-out relayed by an integration (GPC or an opt-out link): an `opt_out` request with no
// verification step (the law asks none, LEGAL.md), approved at once and fanned out like any other.
// Repeats for the same person within OPT_OUT_MERGE_WINDOW_HOURS answer the request already made:
// the same email, or the same account id the integration vouched for. Transaction-scoped advisory
// locks on each identifier given make two concurrent calls one request.
//
// The person may be named by account id alone. That id is trusted as a confirmed identifier
// (accountIdConfirmedAt, and the key that confirmed it) because it comes from the company's own
// system, authenticated by an API key of role integration, which can do nothing but this: it is the
// company's own record of who the signal came from, not a number someone typed on a public form.
// Such a request keeps no email and no email hash (nothing personal beyond the id); no email is
// sent about it, and no status link made, as there is no address to send them to.
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
  const email = input.email === undefined ? null : normaliseEmail(input.email);
  const hash = email === null ? null : emailHash(email);
  const accountId = input.accountId ?? null;
  const jurisdiction = isJurisdictionCode(config.OPT_OUT_SIGNAL_JURISDICTION) ? config.OPT_OUT_SIGNAL_JURISDICTION : "US_CA";
  const [place] = jurisdictionRules[jurisdiction].appliesTo;
  const channel = input.signal === "gpc" ? "GPC" : "LINK";

  const outcome = await db().$transaction(async (tx: Tx) => {
    // In one order whatever the call names, so two calls naming both never wait on each other.
    const locks = [hash && `opt-out:email:${hash}`, accountId && `opt-out:account:${accountId}`].filter((key) => key !== null).sort();
    for (const key of locks) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
    const since = new Date(now.getTime() - config.OPT_OUT_MERGE_WINDOW_HOURS * HOUR);
    const samePerson = [
      ...(hash ? [{ emailHash: hash }] : []),
      // Only an account id someone vouched for: one typed on the form proves nothing.
      ...(accountId ? [{ accountId, accountIdConfirmedAt: { not: null } }] : []),
    ];
    const recent = await tx.dsarRequest.findFirst({
      where: { OR: samePerson, type: "OPT_OUT", receivedAt: { gte: since }, status: { notIn: [...closedStatuses] } },
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
        accountId,
        // The integration is the company's own system: the account id it sends is its own record.
        accountIdConfirmedAt: accountId ? now : null,
        accountIdConfirmedByKeyId: accountId ? options.apiKeyId : null,
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
        withEmail: email !== null,
        withAccountId: accountId !== null,
        dueDate: created.dueDate.toISOString().slice(0, 10),
      },
    });
    return { reference: created.reference, status: "VERIFIED", merged: false };
  });
  if (outcome.merged) return { ...outcome, status: outcome.status.toLowerCase() };
  await approveRequest({ reference: outcome.reference, actor: options.actor, now });
  return { reference: outcome.reference, status: "in_progress", merged: false };
}
