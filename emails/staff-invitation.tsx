import { z } from "zod";
import { translator } from "../lib/i18n/translator.ts";
import { defineEmailTemplate } from "./components/define-template.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, SmallPrint, TextLink } from "./components/parts.tsx";
import { companyNameSchema, webUrlSchema } from "./components/schemas.ts";

/** Written by lib/staff-users/invite-staff-user.ts; the link is private and blanked from the kept copy. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  inviteUrl: webUrlSchema,
  role: z.enum(["admin", "agent", "auditor"]),
  validHours: z.number().int().min(1),
});

export const staffInvitationEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => translator(locale)("staffEmails.invitation.subject", { companyName: props.companyName }),
  component: function StaffInvitationEmail({ locale, companyName, inviteUrl, role, validHours }) {
    const t = translator(locale);
    return (
      <EmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.invitation.preview")}
        heading={t("staffEmails.invitation.heading")}
        footer={t("staffEmails.invitation.footer", { companyName })}
      >
        <Paragraph>{t("staffEmails.invitation.intro", { companyName })}</Paragraph>
        <Paragraph>{t(`staffEmails.invitation.role.${role}`)}</Paragraph>
        <Paragraph>{t("staffEmails.invitation.choose")}</Paragraph>
        <PrimaryButton href={inviteUrl}>{t("staffEmails.invitation.button")}</PrimaryButton>
        <SmallPrint>
          <TextLink href={inviteUrl} />
        </SmallPrint>
        <Paragraph>{t("staffEmails.invitation.validity", { hours: validHours })}</Paragraph>
        <SmallPrint>{t("staffEmails.invitation.notYou")}</SmallPrint>
      </EmailLayout>
    );
  },
});
