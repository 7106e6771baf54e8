// Tells the request's assignee (an active agent or admin) that the request waits for them: no
// personal data of the person, only the reference, right, due date and the link to its page.
// Nobody assigned, or the assignee disabled: nothing is sent (the dashboard shows the request).
import { staffEmailLocale } from "../auth/staff-email-locale.ts";
import type { Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { env } from "../env.ts";
import { dayOf } from "./request-deadline.ts";

type NoticeRequest = { id: string; reference: string; type: string; dueDate: Date; assigneeId: string | null };

export async function queueAssigneeNotice(
  tx: Tx,
  request: NoticeRequest,
  reason: "corrections" | "reply",
  count = 0,
): Promise<string | null> {
  if (!request.assigneeId) return null;
  const assignee = await tx.staffUser.findUnique({
    where: { id: request.assigneeId },
    select: { id: true, email: true, disabledAt: true, locale: true },
  });
  if (!assignee || assignee.disabledAt) return null;
  return queueEmail(tx, {
    template: "staff-request-needs-attention",
    locale: staffEmailLocale(assignee.locale),
    to: assignee.email,
    staffUserId: assignee.id,
    requestId: request.id,
    props: { ...staffRequestProps(request), reason, count },
  });
}

/** What every email to staff about one request names: the request, never the person. */
export function staffRequestProps(request: { id: string; reference: string; type: string; dueDate: Date }) {
  return {
    companyName: env().COMPANY_NAME,
    reference: request.reference,
    type: request.type.toLowerCase(),
    dueDate: dayOf(request.dueDate),
    requestUrl: new URL(`/staff/requests/${request.id}`, env().APP_URL).toString(),
  };
}
