"use server";
// The decisions on one request. Each names its permission first (runStaffAction), shapes the
// form with its schema, calls one service and refreshes the page; the result (a message, or
// the AppError's message) is shown beside the form.
import { revalidatePath } from "next/cache";
import { recordAgentPermissionCheck } from "@/lib/agents/record-agent-permission-check.ts";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { completeCorrectionTask } from "@/lib/corrections/complete-correction-task.ts";
import { retryConnectorTask } from "@/lib/fulfilment/retry-connector-task.ts";
import { addRequestNote } from "@/lib/requests/add-request-note.ts";
import { approveRequest } from "@/lib/requests/approve-request.ts";
import { askForInformation } from "@/lib/requests/ask-for-information.ts";
import { assignRequest } from "@/lib/requests/assign-request.ts";
import { closeRequest } from "@/lib/requests/close-request.ts";
import { confirmAccountId } from "@/lib/requests/confirm-account-id.ts";
import { denyRequest } from "@/lib/requests/deny-request.ts";
import { extendDeadline } from "@/lib/requests/extend-deadline.ts";
import { type DenialEmailPreview, previewDenialEmail } from "@/lib/requests/preview-denial-email.ts";
import { recordInformationReceived } from "@/lib/requests/record-information-received.ts";
import { sendMessageToPerson } from "@/lib/requests/send-message-to-person.ts";
import {
  agentPermissionCheckFormSchema,
  askFormSchema,
  assignFormSchema,
  closeFormSchema,
  completeCorrectionsFormSchema,
  confirmAccountIdFormSchema,
  denyFormSchema,
  extendFormSchema,
  messagePersonFormSchema,
  noteFormSchema,
  referenceOnlySchema,
  retryFormSchema,
} from "./actions.schema.ts";

type Result = ActionResult<string>;

/** The page is reached by id or by reference: refresh both. */
function refresh(reference: string, requestId?: string) {
  revalidatePath(`/staff/requests/${reference}`);
  if (requestId) revalidatePath(`/staff/requests/${requestId}`);
}

export async function approveAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", referenceOnlySchema, formData, async ({ reference }, me) => {
    const approved = await approveRequest({ reference, actor: actorOf(me) });
    refresh(reference, approved.id);
    return `Approved: ${approved.connectors} connector task(s) started.`;
  });
}

export type DenyOutcome =
  | { step: "preview"; reason: string; message: string; preview: DenialEmailPreview }
  | { step: "sent"; message: string };

/** First shows the email the person would receive (nothing changes); `step=send` denies and sends it. */
export async function denyAction(_previous: unknown, formData: FormData): Promise<ActionResult<DenyOutcome>> {
  return runStaffAction("requests.decide", denyFormSchema, formData, async ({ reference, reason, message, step }, me) => {
    if (step === "preview") {
      const preview = await previewDenialEmail({ reference, reason, message });
      return { step: "preview" as const, reason, message: message ?? "", preview };
    }
    await denyRequest({ reference, reason: reason as never, message, actor: actorOf(me) });
    refresh(reference);
    return { step: "sent" as const, message: "Denied. The person has been emailed the reason and how to complain." };
  });
}

export async function askForInformationAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", askFormSchema, formData, async ({ reference, message, kind }, me) => {
    const { clockPaused } = await askForInformation({ reference, input: { message, kind }, actor: actorOf(me) });
    refresh(reference);
    return clockPaused ? "Sent to the person. The clock is paused until they answer." : "Sent to the person. The clock keeps running.";
  });
}

export async function informationReceivedAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", referenceOnlySchema, formData, async ({ reference }, me) => {
    const { dueDate, restarted } = await recordInformationReceived({ reference, actor: actorOf(me) });
    refresh(reference);
    return `Recorded. The clock ${restarted ? "restarted" : "resumed"}; the request is now due ${dueDate}.`;
  });
}

export async function extendAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", extendFormSchema, formData, async ({ reference, reason }, me) => {
    const { previousDueDate, dueDate } = await extendDeadline({ reference, input: { reason }, actor: actorOf(me) });
    refresh(reference);
    return `Extended from ${previousDueDate} to ${dueDate}. The person has been told why.`;
  });
}

export async function assignAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.assign", assignFormSchema, formData, async ({ reference, assigneeEmail }, me) => {
    const result = await assignRequest({ reference, assigneeEmail: assigneeEmail || null, actor: actorOf(me) });
    refresh(reference);
    if (!result.changed) return "Nothing changed: the request already had this assignee.";
    return assigneeEmail ? `Assigned to ${assigneeEmail}.` : "Unassigned.";
  });
}

export async function addNoteAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.note", noteFormSchema, formData, async ({ reference, body }, me) => {
    await addRequestNote({ reference, body, actor: actorOf(me) });
    refresh(reference);
    return "Note added.";
  });
}

export async function confirmAccountIdAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", confirmAccountIdFormSchema, formData, async ({ reference, confirmed }, me) => {
    const result = await confirmAccountId({ reference, confirmed, actor: actorOf(me) });
    refresh(reference);
    if (!result.changed)
      return confirmed ? "Nothing changed: the account number was already confirmed." : "Nothing changed: it was not confirmed.";
    return confirmed
      ? "Confirmed. Connectors will be given the account number along with the verified email."
      : "Confirmation taken back. Connectors will find the person by the verified email only.";
  });
}

export async function checkAgentPermissionAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", agentPermissionCheckFormSchema, formData, async ({ reference, outcome }, me) => {
    await recordAgentPermissionCheck({ reference, outcome, actor: actorOf(me) });
    refresh(reference);
    return outcome === "VALID"
      ? "Recorded: the permission shows the person authorised the agent."
      : "Recorded: the permission is not valid. Deny with the reason 'agent authority not shown' if the person does not confirm it otherwise.";
  });
}

export async function closeAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", closeFormSchema, formData, async ({ reference, outcome, message }, me) => {
    await closeRequest({ reference, outcome: outcome as never, message, actor: actorOf(me) });
    refresh(reference);
    return "Closed. The person has been emailed.";
  });
}

export async function retryTaskAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("tasks.manage", retryFormSchema, formData, async ({ reference, taskId }, me) => {
    await retryConnectorTask(taskId, actorOf(me), { reference });
    refresh(reference);
    return "The task runs again.";
  });
}

export async function completeCorrectionsAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("tasks.manage", completeCorrectionsFormSchema, formData, async ({ reference, corrected, note, message }, me) => {
    const result = await completeCorrectionTask({ reference, input: { corrected, note, message }, actor: actorOf(me) });
    refresh(reference);
    return `Recorded: ${result.corrected} corrected by hand, ${result.notCorrected} not corrected. The person is emailed what was corrected where.`;
  });
}

export async function messagePersonAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", messagePersonFormSchema, formData, async ({ reference, message }, me) => {
    await sendMessageToPerson({ reference, input: { message }, actor: actorOf(me) });
    refresh(reference);
    return "Sent. The person reads it on their status page, where they can answer.";
  });
}
