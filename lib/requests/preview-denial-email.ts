// The email a refusal will send, rendered before anything is sent, so staff confirm what the person
// reads (in the person's language, through the same template and props as denyRequest). Changes
// nothing: the status link is a placeholder, since a real one is issued only when the email is queued.
import { renderEmail } from "../../emails/render-email.ts";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { denialEmailProps, denyRequestSchema } from "./deny-request.ts";
import { publicUrls } from "./public-urls.ts";
import type { Locale } from "./request-input.schema.ts";

const PLACEHOLDER_TOKEN = "status-link-issued-when-sent";

export type DenialEmailPreview = { reference: string; locale: Locale; subject: string; text: string };

export async function previewDenialEmail(options: { reference: string; reason: unknown; message?: unknown }): Promise<DenialEmailPreview> {
  const { reason, message } = denyRequestSchema.parse({ reason: options.reason, message: options.message });
  const request = await db().dsarRequest.findUnique({
    where: { reference: options.reference },
    select: { reference: true, type: true, locale: true, jurisdiction: true, country: true },
  });
  if (!request)
    throw new AppError("NOT_FOUND", `No request has the reference ${options.reference}.`, {
      text: { key: "staffRequest.errors.notFound", values: { reference: options.reference } },
    });
  const locale = request.locale as Locale;
  const statusUrl = publicUrls.status(locale, PLACEHOLDER_TOKEN);
  const rendered = await renderEmail("request-denied", locale, {
    companyName: env().COMPANY_NAME,
    ...denialEmailProps(request, reason, message),
    statusUrl,
  });
  return {
    reference: request.reference,
    locale,
    subject: rendered.subject,
    text: rendered.text.split(statusUrl).join("[private status link]"),
  };
}
