"use server";
// The decisions on one request. Each names its permission first (runStaffAction), shapes the
// form with its schema, calls one service and refreshes the page; the result (a message, or
// the AppError's message) is shown beside the form, in the member's language.
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { recordAgentPermissionCheck } from "@/lib/agents/record-agent-permission-check.ts";
import { type ActionResult, runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { completeCorrectionTask } from "@/lib/corrections/complete-correction-task.ts";
import { retryConnectorTask } from "@/lib/fulfilment/retry-connector-task.ts";
import { retryFinalise } from "@/lib/fulfilment/retry-finalise.ts";
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
import { formatDay } from "./_components/format.ts";
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
const done = () => getTranslations("staffRequest.done");

/** A calendar day (YYYY-MM-DD) as the member reads dates. */
async function dayText(day: string): Promise<string> {
  return formatDay(day, await getLocale());
}

function refresh(reference: string, requestId?: string) {
  revalidatePath(`/staff/requests/${reference}`);
  if (requestId) revalidatePath(`/staff/requests/${requestId}`);
}

export async function approveAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", referenceOnlySchema, formData, async ({ reference }, me) => {
    const approved = await approveRequest({ reference, actor: actorOf(me) });
    refresh(reference, approved.id);
    return (await done())("approved", { connectors: approved.connectors });
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
    return { step: "sent" as const, message: (await done())("denied") };
  });
}

export async function askForInformationAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", askFormSchema, formData, async ({ reference, message, kind }, me) => {
    const { clockPaused } = await askForInformation({ reference, input: { message, kind }, actor: actorOf(me) });
    refresh(reference);
    return (await done())(clockPaused ? "askedPaused" : "askedRunning");
  });
}

export async function informationReceivedAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", referenceOnlySchema, formData, async ({ reference }, me) => {
    const { dueDate, restarted } = await recordInformationReceived({ reference, actor: actorOf(me) });
    refresh(reference);
    return (await done())("received", { clock: restarted ? "restart" : "resume", due: await dayText(dueDate) });
  });
}

export async function extendAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", extendFormSchema, formData, async ({ reference, reason }, me) => {
    const { previousDueDate, dueDate } = await extendDeadline({ reference, input: { reason }, actor: actorOf(me) });
    refresh(reference);
    return (await done())("extended", { from: await dayText(previousDueDate), to: await dayText(dueDate) });
  });
}

export async function assignAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.assign", assignFormSchema, formData, async ({ reference, assigneeEmail }, me) => {
    const result = await assignRequest({ reference, assigneeEmail: assigneeEmail || null, actor: actorOf(me) });
    refresh(reference);
    const t = await done();
    if (!result.changed) return t("assignUnchanged");
    return assigneeEmail ? t("assigned", { email: assigneeEmail }) : t("unassigned");
  });
}

export async function addNoteAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.note", noteFormSchema, formData, async ({ reference, body }, me) => {
    await addRequestNote({ reference, body, actor: actorOf(me) });
    refresh(reference);
    return (await done())("noteAdded");
  });
}

export async function confirmAccountIdAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", confirmAccountIdFormSchema, formData, async ({ reference, confirmed }, me) => {
    const result = await confirmAccountId({ reference, confirmed, actor: actorOf(me) });
    refresh(reference);
    const t = await done();
    if (!result.changed) return t(confirmed ? "alreadyConfirmed" : "notConfirmed");
    return t(confirmed ? "confirmed" : "confirmationTakenBack");
  });
}

export async function checkAgentPermissionAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", agentPermissionCheckFormSchema, formData, async ({ reference, outcome }, me) => {
    await recordAgentPermissionCheck({ reference, outcome, actor: actorOf(me) });
    refresh(reference);
    return (await done())(outcome === "VALID" ? "permissionValid" : "permissionNotValid");
  });
}

export async function closeAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", closeFormSchema, formData, async ({ reference, outcome, message }, me) => {
    await closeRequest({ reference, outcome: outcome as never, message, actor: actorOf(me) });
    refresh(reference);
    return (await done())("closed");
  });
}

export async function retryTaskAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("tasks.manage", retryFormSchema, formData, async ({ reference, taskId }, me) => {
    await retryConnectorTask(taskId, actorOf(me), { reference });
    refresh(reference);
    return (await done())("retried");
  });
}

export async function retryFinaliseAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("tasks.manage", referenceOnlySchema, formData, async ({ reference }, me) => {
    await retryFinalise(reference, actorOf(me));
    refresh(reference);
    return (await done())("finaliseRetried");
  });
}

export async function completeCorrectionsAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("tasks.manage", completeCorrectionsFormSchema, formData, async ({ reference, corrected, note, message }, me) => {
    const result = await completeCorrectionTask({ reference, input: { corrected, note, message }, actor: actorOf(me) });
    refresh(reference);
    return (await done())("corrections", { corrected: result.corrected, notCorrected: result.notCorrected });
  });
}

export async function messagePersonAction(_previous: unknown, formData: FormData): Promise<Result> {
  return runStaffAction("requests.decide", messagePersonFormSchema, formData, async ({ reference, message }, me) => {
    await sendMessageToPerson({ reference, input: { message }, actor: actorOf(me) });
    refresh(reference);
    return (await done())("messageSent");
  });
}
