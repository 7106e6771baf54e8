import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, StaffEmailLayout, StaffRequestPanel, staffEmailText } from "./components/staff-parts.tsx";

/** Written by the reminder sweep (lib/reminders/reminder-queries.ts) for every active admin. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  daysOverdue: z.number().int().min(1),
  /** The staff member the request is assigned to, or null when nobody (active) is. */
  assignee: z.email().nullable(),
  requestUrl: webUrlSchema,
});

export const staffOverdueEscalationEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    `[${props.companyName}] ${staffEmailText(locale)("staffEmails.overdueEscalation.subject", {
      reference: props.reference,
      late: daysLeftPhrase(locale, -props.daysOverdue),
    })}`,
  component: function StaffOverdueEscalationEmail(props) {
    const { locale, companyName, reference, type, dueDate, daysOverdue, assignee, requestUrl } = props;
    const t = staffEmailText(locale);
    const formattedDate = formatEmailDate(dueDate, locale);
    return (
      <StaffEmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.overdueEscalation.preview", { date: formattedDate })}
        heading={t("staffEmails.overdueEscalation.heading", { reference })}
      >
        <Paragraph>
          {t("staffEmails.overdueEscalation.intro", { date: formattedDate, late: daysLeftPhrase(locale, -daysOverdue) })}
        </Paragraph>
        <Paragraph>
          {assignee ? t("staffEmails.overdueEscalation.assignee", { email: assignee }) : t("staffEmails.overdueEscalation.nobody")}
        </Paragraph>
        <Paragraph>{t("staffEmails.overdueEscalation.action")}</Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t("staffEmails.common.openRequest")}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
