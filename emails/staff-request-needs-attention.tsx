import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { StaffEmailLayout, StaffRequestPanel, staffEmailText } from "./components/staff-parts.tsx";

/**
 * To the assignee when a request waits for them: corrections no source could make (lib/corrections),
 * or the person wrote back (lib/requests/reply-to-team.ts). No personal data of the person: what
 * they wrote is on the request page behind the link.
 */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  reason: z.enum(["corrections", "reply"]),
  /** How many corrections were left to staff (reason corrections). */
  count: z.number().int().min(0).default(0),
  requestUrl: webUrlSchema,
});

const words = {
  corrections: { subject: "staffEmails.needsAttention.subjectCorrections", preview: "staffEmails.needsAttention.previewCorrections" },
  reply: { subject: "staffEmails.needsAttention.subjectReply", preview: "staffEmails.needsAttention.previewReply" },
} as const;

export const staffRequestNeedsAttentionEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    `[${props.companyName}] ${staffEmailText(locale)(words[props.reason].subject, { reference: props.reference })}`,
  component: function StaffRequestNeedsAttentionEmail(props) {
    const { locale, companyName, reference, type, dueDate, reason, count, requestUrl } = props;
    const t = staffEmailText(locale);
    return (
      <StaffEmailLayout
        locale={locale}
        companyName={companyName}
        preview={t(words[reason].preview)}
        heading={t(words[reason].subject, { reference })}
      >
        <Paragraph>
          {reason === "corrections" ? t("staffEmails.needsAttention.corrections", { count }) : t("staffEmails.needsAttention.reply")}
        </Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t("staffEmails.common.openRequest")}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
