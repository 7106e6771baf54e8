"use server";
// The server actions of the public pages: parse the form, limit the rate, call lib/, answer in the
// page's language. Every form also works without JavaScript (plain POST, page rendered again).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { MAX_PERMISSION_BYTES } from "@/lib/agents/sniff-permission-type.ts";
import { env } from "@/lib/env.ts";
import { isAppError } from "@/lib/errors.ts";
import { clientAddress } from "@/lib/http/client-address.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { localiseIssues, validationMessage } from "@/lib/i18n/validation-messages.ts";
import { answerInformationRequest, answerSchema } from "@/lib/requests/answer-information-request.ts";
import { createSubmission } from "@/lib/requests/create-submission.ts";
import { replyToTeam } from "@/lib/requests/reply-to-team.ts";
import { requestFormSchema, verifyCodeSchema } from "@/lib/requests/request-input.schema.ts";
import { resendVerification } from "@/lib/requests/resend-verification.ts";
import { verifyByCode } from "@/lib/requests/verify-by-code.ts";
import { verifyByLink } from "@/lib/requests/verify-by-link.ts";
import { withdrawRequest } from "@/lib/requests/withdraw-request.ts";
import { consumeRateLimit } from "@/lib/security/rate-limit.ts";
import { describeError, unexpectedErrorMessage } from "./_components/describe-error.ts";
import {
  applyCorrectionIntent,
  type ConfirmEmailState,
  linkTokenSchema,
  localeSchema,
  permissionFileIssue,
  type RequestFormState,
  type ResendState,
  readRequestForm,
  referenceSchema,
  toRequestInput,
  type VerifyCodeState,
} from "./actions.schema.ts";

const HOUR = 3600;
const DAY = 86_400;

async function limitPerAddress(name: string, limit: number) {
  await consumeRateLimit({ name, limit, windowSeconds: HOUR }, clientAddress(await headers()));
}

// The forms carry the page's language (and the reference) in hidden fields rather than as bound
// arguments: React's no-JavaScript postback cannot match an action bound during render.

/** The request form: one request per right ticked, then "check your email". */
export async function submitRequestAction(_previous: RequestFormState, formData: FormData): Promise<RequestFormState> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const values = readRequestForm(formData);
  const intent = formData.get("intent");
  if (typeof intent === "string" && intent !== "submit") {
    return { values: applyCorrectionIntent(values, intent) ?? values, issues: [], formError: null };
  }
  const parsed = requestFormSchema.safeParse(toRequestInput(values, locale));
  // The signed permission: its size, then its first bytes (never its name or declared type).
  const upload = values.onBehalf ? formData.get("agentPermission") : null;
  const file = upload instanceof File ? upload : null;
  const permission = file && file.size > 0 && file.size <= MAX_PERMISSION_BYTES ? Buffer.from(await file.arrayBuffer()) : null;
  const permissionIssue = values.onBehalf ? permissionFileIssue(file, permission) : null;
  if (!parsed.success || permissionIssue) {
    const issues = parsed.success ? [] : localiseIssues(parsed.error.issues, locale);
    if (permissionIssue) issues.push({ path: "agentPermission", message: validationMessage(locale, permissionIssue) });
    return { values, issues, formError: null };
  }
  let references: string[];
  try {
    await limitPerAddress("requests-per-ip", env().RATE_LIMIT_PER_IP_PER_HOUR);
    await consumeRateLimit(
      { name: "requests-per-email", limit: env().RATE_LIMIT_PER_EMAIL_PER_DAY, windowSeconds: DAY },
      parsed.data.email.toLowerCase(),
    );
    const created = await createSubmission({
      input: { ...parsed.data, locale },
      channel: "WEB",
      ...(permission ? { agentPermission: permission } : {}),
    });
    references = created.requests.map((request) => request.reference);
  } catch (error) {
    return { values, issues: [], formError: describeError(locale, error, "submit-request") };
  }
  redirect(`/${locale}/submitted?ref=${references.join(",")}`);
}

/** The 6-digit code typed on the "check your email" page. */
export async function verifyCodeAction(_previous: VerifyCodeState, formData: FormData): Promise<VerifyCodeState> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const ref = referenceSchema.safeParse(formData.get("reference"));
  if (!ref.success) return { kind: "error", code: "OTHER", message: translator(locale)("publicCommon.errors.notFound") };
  const raw = formData.get("code");
  const code = verifyCodeSchema.safeParse({ code: typeof raw === "string" ? raw.replace(/\s+/g, "") : "" });
  if (!code.success) {
    return { kind: "error", code: "INVALID_INPUT", message: validationMessage(locale, code.error.issues[0]?.message ?? "") };
  }
  let verified: Awaited<ReturnType<typeof verifyByCode>>;
  try {
    await limitPerAddress("verify-per-ip", 30);
    verified = await verifyByCode(ref.data, code.data.code);
  } catch (error) {
    const message = describeError(locale, error, "verify-code");
    if (!isAppError(error)) return { kind: "error", code: "OTHER", message };
    if (error.code === "TOO_MANY_ATTEMPTS" && error.details?.startAgain === true) return { kind: "error", code: "CODES_USED_UP", message };
    if (error.code === "INVALID_CODE" || error.code === "TOO_MANY_ATTEMPTS") return { kind: "error", code: error.code, message };
    if (error.code === "GONE" && error.details?.expired === true) return { kind: "error", code: "EXPIRED", message };
    return { kind: "error", code: "OTHER", message };
  }
  if (verified.statusToken) redirect(confirmedStatusPage(locale, verified.statusToken));
  return { kind: "verified", references: verified.references, alreadyVerified: verified.alreadyVerified };
}

/** One confirmation page, true to the requests' state: the status page, saying the address is confirmed. */
function confirmedStatusPage(locale: string, statusToken: string): string {
  return `/${locale}/status/${statusToken}?confirmed=1`;
}

/** "Send me a new code": a new link, code and status link; the old ones stop working. */
export async function resendVerificationAction(_previous: ResendState, formData: FormData): Promise<ResendState> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const t = translator(locale);
  const ref = referenceSchema.safeParse(formData.get("reference"));
  if (!ref.success) return { kind: "error", message: t("publicCommon.errors.notFound") };
  try {
    await limitPerAddress("resend-per-ip", env().RATE_LIMIT_PER_IP_PER_HOUR);
    await resendVerification(ref.data);
    return { kind: "sent" };
  } catch (error) {
    if (isAppError(error) && error.code === "GONE") return { kind: "error", message: t("publicForm.submitted.resendGone") };
    if (isAppError(error) && error.code === "INVALID_STATE") return { kind: "error", message: t("publicForm.submitted.resendNotWaiting") };
    if (isAppError(error) && error.code === "TOO_MANY_ATTEMPTS" && error.details?.startAgain === true) {
      const closed = error.details?.resendLimit === true ? "RESEND_LIMIT" : "CODES_USED_UP";
      return { kind: "error", message: describeError(locale, error, "resend-verification"), closed };
    }
    return { kind: "error", message: describeError(locale, error, "resend-verification") };
  }
}

/** The button of the emailed link. Nothing is verified by opening the link itself. */
export async function confirmEmailAction(_previous: ConfirmEmailState, formData: FormData): Promise<ConfirmEmailState> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const token = linkTokenSchema.safeParse(formData.get("token"));
  if (!token.success) return { kind: "invalid" };
  let verified: Awaited<ReturnType<typeof verifyByLink>>;
  try {
    await limitPerAddress("verify-per-ip", 30);
    verified = await verifyByLink(token.data);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return { kind: "invalid" };
    if (isAppError(error) && error.code === "GONE") return error.details?.expired === true ? { kind: "expired" } : { kind: "replaced" };
    return { kind: "error", message: describeError(locale, error, "confirm-email") };
  }
  redirect(confirmedStatusPage(locale, verified.statusToken));
}

/** The person answers the privacy team's question on the status page; the page shows the outcome. */
export async function answerInformationAction(formData: FormData): Promise<void> {
  await answerFromStatusPage(formData, "answer", answerInformationRequest);
}

/** The person answers a message of the privacy team (no question waiting) on the status page. */
export async function replyToTeamAction(formData: FormData): Promise<void> {
  await answerFromStatusPage(formData, "reply", replyToTeam);
}

/** Both answer forms of the status page: parse, limit per address, send, show the page with the outcome. */
async function answerFromStatusPage(
  formData: FormData,
  form: "answer" | "reply",
  send: (token: string, reference: string, input: { answer: string }) => Promise<unknown>,
): Promise<void> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const token = linkTokenSchema.safeParse(formData.get("token"));
  if (!token.success) redirect(`/${locale}`);
  const statusPath = `/${locale}/status/${token.data}`;
  const reference = referenceSchema.safeParse(formData.get("reference"));
  if (!reference.success) redirect(`${statusPath}?answerError=NOT_FOUND`);
  const parsed = answerSchema.safeParse({ answer: formData.get("answer") ?? "" });
  if (!parsed.success) {
    const hostile = parsed.error.issues.some((issue) => issue.message === "validation.text");
    redirect(`${statusPath}?answerError=${hostile ? "TEXT" : "EMPTY"}#${form}-${reference.data}`);
  }
  let failure: string | null = null;
  try {
    await limitPerAddress("answer-per-ip", 30);
    await send(token.data, reference.data, parsed.data);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "INVALID_STATE")) failure = error.code;
    else if (isAppError(error) && error.code === "RATE_LIMITED") failure = "LIMITED";
    else {
      unexpectedErrorMessage(locale, error, form === "answer" ? "answer-information" : "reply-to-team");
      failure = "OTHER";
    }
  }
  redirect(failure ? `${statusPath}?answerError=${failure}#request-${reference.data}` : `${statusPath}?answered=${reference.data}`);
}

/** "Yes, withdraw" on the private status page; the page is shown again with the outcome. */
export async function withdrawRequestAction(formData: FormData): Promise<void> {
  const locale = localeSchema.catch("en").parse(formData.get("locale"));
  const token = linkTokenSchema.safeParse(formData.get("token"));
  if (!token.success) redirect(`/${locale}`);
  const statusPath = `/${locale}/status/${token.data}`;
  const reference = referenceSchema.safeParse(formData.get("reference"));
  if (!reference.success) redirect(`${statusPath}?withdrawError=NOT_FOUND`);
  let failure: string | null = null;
  try {
    await withdrawRequest(token.data, reference.data);
  } catch (error) {
    if (isAppError(error) && ["NOT_FOUND", "INVALID_STATE", "CONFLICT"].includes(error.code)) {
      failure = error.code;
    } else {
      unexpectedErrorMessage(locale, error, "withdraw-request");
      failure = "OTHER";
    }
  }
  redirect(failure ? `${statusPath}?withdrawError=${failure}#request-${reference.data}` : `${statusPath}?withdrawn=${reference.data}`);
}
