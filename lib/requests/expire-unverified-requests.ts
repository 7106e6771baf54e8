// Requests whose email address was not confirmed in time are closed as EXPIRED, in batches,
// with one email per submission. No action is taken on them, so the email gives the reason and where
// to complain (GDPR Art. 12(4)), as a denial does. Run by a scheduled job; safe to run from several workers.
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { complaintRouteFor } from "./complaint-authorities.ts";
import { publicUrls } from "./public-urls.ts";
import type { Locale } from "./request-input.schema.ts";

export async function expireUnverifiedRequests(now = new Date(), batchSize = 200): Promise<{ expired: number }> {
  let expired = 0;
  for (;;) {
    const { count, emailIds } = await db().$transaction(async (tx: Tx) => {
      // SKIP LOCKED: two workers sweeping at once take different rows.
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM requests WHERE status = 'SUBMITTED' AND "verifyBy" <= ${now}
        ORDER BY "verifyBy" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { count: 0, emailIds: [] as string[] };
      const requests = await tx.dsarRequest.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { createdAt: "asc" } });
      await tx.dsarRequest.updateMany({
        where: { id: { in: requests.map((r) => r.id) } },
        data: { status: "EXPIRED", outcome: "EXPIRED", closedAt: now },
      });
      const bySubmission = new Map<string, typeof requests>();
      for (const request of requests) {
        await appendAuditEvent(tx, {
          requestId: request.id,
          actor: { type: "SYSTEM" },
          action: "request.expired",
          data: { reason: "email not verified in time" },
        });
        bySubmission.set(request.submissionId, [...(bySubmission.get(request.submissionId) ?? []), request]);
      }
      const ids: string[] = [];
      for (const group of bySubmission.values()) {
        // A submission's requests share the person's country and region, hence the jurisdiction.
        const first = group[0];
        // No address left to write to (a purged or imported row): close it without an email
        // rather than fail the whole batch, which would leave every request in it open forever.
        if (!first.email) continue;
        ids.push(
          await queueEmail(tx, {
            template: "request-expired",
            locale: first.locale as Locale,
            to: first.email,
            requestId: first.id,
            props: {
              references: group.map((r) => r.reference),
              types: group.map((r) => r.type.toLowerCase()),
              verifyWithinDays: env().VERIFY_WITHIN_DAYS,
              newRequestUrl: publicUrls.newRequest(first.locale as Locale),
              complaint: complaintRouteFor(first, first.locale as Locale),
            },
          }),
        );
      }
      return { count: requests.length, emailIds: ids };
    });
    for (const emailId of emailIds) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
    expired += count;
    if (count < batchSize) return { expired };
  }
}
