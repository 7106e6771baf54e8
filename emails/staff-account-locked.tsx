import { z } from "zod";
import { translator } from "../lib/i18n/translator.ts";
import { defineEmailTemplate } from "./components/define-template.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, SmallPrint } from "./components/parts.tsx";
import { companyNameSchema, webUrlSchema } from "./components/schemas.ts";

/** Written by lib/auth/second-factor-attempts.ts when wrong two-factor codes lock a staff account. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  wrongCodes: z.number().int().min(1),
  lockedMinutes: z.number().int().min(1),
  signInUrl: webUrlSchema,
});

export const staffAccountLockedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => `[${props.companyName}] ${translator(locale)("staffEmails.accountLocked.subject")}`,
  component: function StaffAccountLockedEmail({ locale, companyName, wrongCodes, lockedMinutes, signInUrl }) {
    const t = translator(locale);
    return (
      <EmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.accountLocked.preview")}
        heading={t("staffEmails.accountLocked.heading")}
        footer={t("staffEmails.common.securityFooter", { companyName })}
      >
        <Paragraph>{t("staffEmails.accountLocked.what", { codes: wrongCodes, minutes: lockedMinutes })}</Paragraph>
        <Paragraph>{t("staffEmails.accountLocked.meaning")}</Paragraph>
        <Paragraph>{t("staffEmails.accountLocked.act")}</Paragraph>
        <PrimaryButton href={signInUrl}>{t("staffEmails.common.signIn")}</PrimaryButton>
        <SmallPrint>{t("staffEmails.accountLocked.mine")}</SmallPrint>
      </EmailLayout>
    );
  },
});
