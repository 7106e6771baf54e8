// Staff refuse a request, with a recorded reason (LEGAL.md: "a denial always records a reason")
// and an email telling the person why, where they can complain and, where the law gives one, how
// to appeal (GDPR Art. 12(4); Va. Code §59.1-577(C) and the statutes modelled on it).
//
// Which requests can be denied: a verified one (VERIFIED, or AWAITING_SUBJECT while we wait for
// an answer), and a SUBMITTED one only for IDENTITY_NOT_VERIFIED (CCPA regs §7021(b): deny a
// request still unverified at the deadline). Once approved, connector tasks are queued and may
// already have erased or exported data, so a refusal would misstate what happened: close the
// request as partially fulfilled (close-request.ts) instead.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { queueEmail } from "../email/queue-email.ts";
import { AppError, type MessageRef } from "../errors.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { DenialReason, type RequestStatus } from "../generated/prisma/enums.ts";
import { safeText } from "../http/safe-text.ts";
import { enqueueAfterCommit } from "../queue/enqueue.ts";
import { complaintRouteFor } from "./complaint-authorities.ts";
import { DENIAL_EXPLANATION_MIN, denialNeedsExplanation } from "./denial-reasons.ts";
import { queueRequestEmail } from "./queue-request-email.ts";
import type { Locale } from "./request-input.schema.ts";

export const DENIAL_MESSAGE_MAX = 5000;

/** An empty text box means no message. */
const optionalText = (max: number) =>
  safeText({ multiline: true })
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .nullish()
    .transform((value) => value || undefined);

export const denyRequestSchema = z
  .object({
    reason: z.enum(DenialReason, { message: `Choose a reason: ${Object.values(DenialReason).join(", ")}.` }),
    /** Shown to the person under the reason. */
    message: optionalText(DENIAL_MESSAGE_MAX),
  })
  .refine((input) => !denialNeedsExplanation(input.reason) || (input.message?.length ?? 0) >= DENIAL_EXPLANATION_MIN, {
    path: ["message"],
    message: `This reason needs an explanation for the person: explain the refusal (at least ${DENIAL_EXPLANATION_MIN} characters).`,
  });

export type DenyRequestInput = z.input<typeof denyRequestSchema>;

/** Why this request cannot be denied now, in English and as a catalogue message; null when it can. */
function refusalOf(reference: string, status: RequestStatus, reason: DenialReason): { message: string; text: MessageRef } | null {
  if (status === "VERIFIED" || status === "AWAITING_SUBJECT") return null;
  if (status === "SUBMITTED") {
    return reason === "IDENTITY_NOT_VERIFIED"
      ? null
      : {
          message: `Request ${reference} is not verified yet: it can only be denied with the reason IDENTITY_NOT_VERIFIED.`,
          text: { key: "staffRequest.errors.denyNotVerified", values: { reference } },
        };
  }
  if (status === "APPROVED" || status === "IN_PROGRESS") {
    return {
      message: `Request ${reference} is already approved and being fulfilled; close it as partially fulfilled and explain why instead of denying it.`,
      text: { key: "staffRequest.errors.denyAlreadyApproved", values: { reference } },
    };
  }
  return {
    message: `Request ${reference} is already closed (${status.toLowerCase()}).`,
    text: { key: "staffRequest.errors.denyAlreadyClosed", values: { reference, status } },
  };
}

type DeniedRequest = Parameters<typeof complaintRouteFor>[0] & { reference: string; type: string; locale: string };

/** The `request-denied` email's props (without the status link): sent here, previewed by previewDenialEmail. */
export function denialEmailProps(request: DeniedRequest, reason: DenialReason, message: string | undefined) {
  return {
    reference: request.reference,
    type: request.type.toLowerCase(),
    reason,
    ...(message ? { message } : {}),
    complaint: complaintRouteFor(request, request.locale as Locale),
  };
}

export async function denyRequest(options: DenyRequestInput & { reference: string; actor: Actor; now?: Date }) {
  const { reason, message } = denyRequestSchema.parse({ reason: options.reason, message: options.message });
  const now = options.now ?? new Date();
  const emailIds = await db().$transaction(async (tx: Tx) => {
    const request = await tx.dsarRequest.findUnique({
      where: { reference: options.reference },
      include: { agentAuthorization: { select: { agentEmail: true } } },
    });
    if (!request)
      throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
        text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
      });
    if (reason === "AGENT_AUTHORITY_NOT_SHOWN" && !request.agentAuthorization) {
      throw new AppError("BAD_REQUEST", `Request ${request.reference} was not filed by an agent: choose another reason.`, {
        text: { key: "staffRequest.errors.notFiledByAgent", values: { reference: request.reference } },
      });
    }
    const refusal = refusalOf(request.reference, request.status, reason);
    if (refusal) {
      throw new AppError("INVALID_STATE", refusal.message, {
        details: { reference: request.reference, status: request.status },
        text: refusal.text,
      });
    }
    const moved = await tx.dsarRequest.updateMany({
      where: { id: request.id, status: request.status },
      data: {
        status: "DENIED",
        outcome: "DENIED",
        denialReason: reason,
        denialMessage: message ?? null,
        decidedAt: now,
        closedAt: now,
      },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", `Request ${request.reference} changed meanwhile; reload it and try again.`, {
        text: { key: "staffRequest.errors.changedMeanwhile", values: { reference: request.reference } },
      });
    await appendAuditEvent(tx, {
      requestId: request.id,
      actor: options.actor,
      action: "request.denied",
      data: { reason, from: request.status, messageLength: message?.length ?? 0 },
    });
    const personEmail = await queueRequestEmail(tx, request, "request-denied", denialEmailProps(request, reason, message));
    const agentEmail = request.agentAuthorization?.agentEmail;
    if (reason !== "AGENT_AUTHORITY_NOT_SHOWN" || !agentEmail) return [personEmail];
    // The agent who filed hears why too (in the request's language), without the person's links.
    const toAgent = await queueEmail(tx, {
      template: "agent-request-denied",
      locale: request.locale as Locale,
      to: agentEmail,
      requestId: request.id,
      props: { reference: request.reference, type: request.type.toLowerCase(), ...(message ? { message } : {}) },
    });
    return [personEmail, toAgent];
  });
  for (const emailId of emailIds) if (emailId) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
  return { reference: options.reference, status: "DENIED" as const, reason };
}
