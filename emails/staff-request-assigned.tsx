import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { StaffEmailLayout, StaffRequestPanel, staffEmailText } from "./components/staff-parts.tsx";

/** Written by lib/requests/assign-request.ts: no personal data of the person. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  /** Who assigned it (a colleague's email, or an integration's name); null for the system. */
  assignedBy: z.string().min(1).max(320).nullable(),
  requestUrl: webUrlSchema,
});

export const staffRequestAssignedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    `[${props.companyName}] ${staffEmailText(locale)("staffEmails.requestAssigned.subject", { reference: props.reference })}`,
  component: function StaffRequestAssignedEmail(props) {
    const { locale, companyName, reference, type, dueDate, assignedBy, requestUrl } = props;
    const t = staffEmailText(locale);
    return (
      <StaffEmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.requestAssigned.preview")}
        heading={t("staffEmails.requestAssigned.heading", { reference })}
      >
        <Paragraph>
          {assignedBy ? t("staffEmails.requestAssigned.by", { who: assignedBy }) : t("staffEmails.requestAssigned.bySystem")}
        </Paragraph>
        <Paragraph>{t("staffEmails.requestAssigned.next")}</Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t("staffEmails.common.openRequest")}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
