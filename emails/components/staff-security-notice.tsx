// A security notice to a staff member about a change made on their own account with their password
// and a code (two-factor turned off, recovery codes replaced): what happened, what to do if it was
// not them, a sign-in button, and what to do if it was. The words are the notice's part of the
// `staffEmails` catalogue, in the holder's language.
import { z } from "zod";
import { translator } from "../../lib/i18n/translator.ts";
import { defineEmailTemplate } from "./define-template.ts";
import { EmailLayout } from "./layout.tsx";
import { Paragraph, PrimaryButton, SmallPrint } from "./parts.tsx";
import { companyNameSchema, webUrlSchema } from "./schemas.ts";

export function staffSecurityNotice(notice: "twoFactorTurnedOff" | "recoveryCodesReplaced") {
  return defineEmailTemplate({
    schema: z.strictObject({ companyName: companyNameSchema, signInUrl: webUrlSchema }),
    subject: (locale, props) => `[${props.companyName}] ${translator(locale)(`staffEmails.${notice}.subject`)}`,
    component: function StaffSecurityNoticeEmail({ locale, companyName, signInUrl }) {
      const t = translator(locale);
      return (
        <EmailLayout
          locale={locale}
          companyName={companyName}
          preview={t(`staffEmails.${notice}.preview`)}
          heading={t(`staffEmails.${notice}.heading`)}
          footer={t("staffEmails.common.securityFooter", { companyName })}
        >
          <Paragraph>{t(`staffEmails.${notice}.what`)}</Paragraph>
          <Paragraph>{t(`staffEmails.${notice}.notYou`)}</Paragraph>
          <PrimaryButton href={signInUrl}>{t("staffEmails.common.signIn")}</PrimaryButton>
          <SmallPrint>{t(`staffEmails.${notice}.you`)}</SmallPrint>
        </EmailLayout>
      );
    },
  });
}
