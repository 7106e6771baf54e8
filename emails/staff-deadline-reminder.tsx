import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, inDaysPhrase, StaffEmailLayout, StaffRequestPanel, staffEmailText } from "./components/staff-parts.tsx";

/** Written by the reminder sweep (lib/reminders/reminder-queries.ts): no personal data of the person. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  /** What is coming: the due date, or the last day to tell the person of an extension. */
  kind: z.enum(["due", "extension-notice"]),
  reference: referenceSchema,
  type: requestTypeSchema,
  /** The date the reminder is about (the due date, or the extension-notice date). */
  date: calendarDateSchema,
  daysLeft: z.number().int().min(0),
  dueDate: calendarDateSchema,
  /** The last day to tell the person of an extension, while the request can still be extended. */
  extendBy: calendarDateSchema.nullable(),
  /** False when nobody is assigned and the admins are reminded instead. */
  assignedToYou: z.boolean(),
  requestUrl: webUrlSchema,
});

export const staffDeadlineReminderEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const t = staffEmailText(locale);
    const about =
      props.kind === "due"
        ? t("staffEmails.deadlineReminder.subjectDue", { reference: props.reference, when: daysLeftPhrase(locale, props.daysLeft) })
        : t("staffEmails.deadlineReminder.subjectNotice", { reference: props.reference, when: inDaysPhrase(locale, props.daysLeft) });
    return `[${props.companyName}] ${props.assignedToYou ? about : t("staffEmails.deadlineReminder.subjectUnassigned", { about })}`;
  },
  component: function StaffDeadlineReminderEmail(props) {
    const { locale, companyName, kind, reference, type, date, daysLeft, dueDate, extendBy, assignedToYou, requestUrl } = props;
    const t = staffEmailText(locale);
    const formattedDate = formatEmailDate(date, locale);
    return (
      <StaffEmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.deadlineReminder.preview", { date: formattedDate })}
        heading={t(kind === "due" ? "staffEmails.deadlineReminder.headingDue" : "staffEmails.deadlineReminder.headingNotice", {
          reference,
        })}
      >
        <Paragraph>
          {kind === "due"
            ? t("staffEmails.deadlineReminder.due", { date: formattedDate, when: daysLeftPhrase(locale, daysLeft) })
            : t("staffEmails.deadlineReminder.notice", { date: formattedDate, when: inDaysPhrase(locale, daysLeft) })}
        </Paragraph>
        {assignedToYou && kind === "due" && <Paragraph>{t("staffEmails.deadlineReminder.dueAssigned")}</Paragraph>}
        {kind === "due" && extendBy && (
          <Paragraph>{t("staffEmails.deadlineReminder.extendBy", { date: formatEmailDate(extendBy, locale) })}</Paragraph>
        )}
        {!assignedToYou && <Paragraph>{t("staffEmails.deadlineReminder.unassigned")}</Paragraph>}
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t("staffEmails.common.openRequest")}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
