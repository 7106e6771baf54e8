import { render } from "@react-email/render";
import { createElement } from "react";
import type { z } from "zod";
import { agentRequestDeniedEmail } from "./agent-request-denied.tsx";
import { agentRequestReceivedEmail } from "./agent-request-received.tsx";
import type { EmailTemplate } from "./components/define-template.ts";
import { EMAIL_LOCALES, type EmailLocale } from "./components/i18n.ts";
import { deadlineExtendedEmail } from "./deadline-extended.tsx";
import { erasureCompletedEmail } from "./erasure-completed.tsx";
import { informationRequestedEmail } from "./information-requested.tsx";
import { packageReadyEmail } from "./package-ready.tsx";
import { preferenceAppliedEmail } from "./preference-applied.tsx";
import { rectificationCompletedEmail } from "./rectification-completed.tsx";
import { requestAcknowledgedEmail } from "./request-acknowledged.tsx";
import { requestClosedEmail } from "./request-closed.tsx";
import { requestDeniedEmail } from "./request-denied.tsx";
import { requestExpiredEmail } from "./request-expired.tsx";
import { requestWithdrawnEmail } from "./request-withdrawn.tsx";
import { staffAccountLockedEmail } from "./staff-account-locked.tsx";
import { staffDailyDigestEmail } from "./staff-daily-digest.tsx";
import { staffDeadlineReminderEmail } from "./staff-deadline-reminder.tsx";
import { staffInvitationEmail } from "./staff-invitation.tsx";
import { staffOverdueEscalationEmail } from "./staff-overdue-escalation.tsx";
import { staffRecoveryCodesReplacedEmail } from "./staff-recovery-codes-replaced.tsx";
import { staffRequestAssignedEmail } from "./staff-request-assigned.tsx";
import { staffRequestNeedsAttentionEmail } from "./staff-request-needs-attention.tsx";
import { staffTwoFactorTurnedOffEmail } from "./staff-two-factor-turned-off.tsx";
import { teamMessageEmail } from "./team-message.tsx";
import { verifyRequestEmail } from "./verify-request.tsx";

/** Every email the portal sends, by the name jobs use to ask for it. */
export const emailTemplates = {
  "verify-request": verifyRequestEmail,
  "request-acknowledged": requestAcknowledgedEmail,
  "request-expired": requestExpiredEmail,
  "request-withdrawn": requestWithdrawnEmail,
  "information-requested": informationRequestedEmail,
  "deadline-extended": deadlineExtendedEmail,
  "package-ready": packageReadyEmail,
  "erasure-completed": erasureCompletedEmail,
  "preference-applied": preferenceAppliedEmail,
  "rectification-completed": rectificationCompletedEmail,
  "staff-deadline-reminder": staffDeadlineReminderEmail,
  "staff-overdue-escalation": staffOverdueEscalationEmail,
  "staff-daily-digest": staffDailyDigestEmail,
  "staff-invitation": staffInvitationEmail,
  "staff-request-assigned": staffRequestAssignedEmail,
  "staff-request-needs-attention": staffRequestNeedsAttentionEmail,
  "team-message": teamMessageEmail,
  "staff-account-locked": staffAccountLockedEmail,
  "staff-two-factor-turned-off": staffTwoFactorTurnedOffEmail,
  "staff-recovery-codes-replaced": staffRecoveryCodesReplacedEmail,
  "request-denied": requestDeniedEmail,
  "request-closed": requestClosedEmail,
  "agent-request-received": agentRequestReceivedEmail,
  "agent-request-denied": agentRequestDeniedEmail,
};

export type EmailTemplateName = keyof typeof emailTemplates;

/** What a producer must put in a job payload for a given email (before zod defaults and trimming). */
export type EmailTemplateProps<Name extends EmailTemplateName> = z.input<(typeof emailTemplates)[Name]["schema"]>;

export type RenderedEmail = { subject: string; html: string; text: string };

export function isEmailTemplateName(name: string): name is EmailTemplateName {
  return Object.hasOwn(emailTemplates, name);
}

/**
 * Validates the props (they come from a job payload, so they are checked again here), then renders the
 * HTML and the plain-text part from the same component so the two can never say different things.
 */
export async function renderEmail(
  template: string,
  locale: EmailLocale,
  props: unknown,
  /** The country of the request the email is about: dates in the order its reader expects. */
  country: string | null = null,
): Promise<RenderedEmail> {
  if (!isEmailTemplateName(template)) {
    throw new Error(`Unknown email template "${template}"; known: ${Object.keys(emailTemplates).join(", ")}`);
  }
  if (!EMAIL_LOCALES.includes(locale)) {
    throw new Error(`Email template "${template}": unsupported locale "${String(locale)}"`);
  }
  // The union of the six templates is too wide for TypeScript to pair schema and component itself;
  // the pairing is guaranteed by looking both up under the same name.
  const definition = emailTemplates[template] as unknown as EmailTemplate<z.ZodType<Record<string, unknown>>>;
  const parsed = definition.schema.safeParse(props);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(props)"}: ${issue.message}`);
    throw new Error(`Invalid props for email template "${template}": ${problems.join("; ")}`);
  }
  const element = createElement(definition.component, { ...parsed.data, locale, country });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(locale, parsed.data), html, text };
}
