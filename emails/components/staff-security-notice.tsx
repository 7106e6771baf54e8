// A security notice to a staff member about a change made on their own account with their password
// and a code (two-factor turned off, recovery codes replaced): what happened, what to do if it was
// not them, a sign-in button, and what to do if it was.
import { z } from "zod";
import { defineEmailTemplate } from "./define-template.ts";
import { type EmailLocale, localized } from "./i18n.ts";
import { EmailLayout } from "./layout.tsx";
import { Paragraph, PrimaryButton, SmallPrint } from "./parts.tsx";
import { companyNameSchema, webUrlSchema } from "./schemas.ts";

type NoticeText = { subject: string; heading: string; preview: string; what: string; notYou: string; you: string };

const common = localized({
  en: {
    button: "Sign in",
    footer: (companyName: string) => `A security notice about your account in ${companyName}'s privacy requests workspace.`,
  },
  fr: {
    button: "Se connecter",
    footer: (companyName: string) =>
      `Un avis de sécurité concernant votre compte dans l’espace de traitement des demandes de ${companyName}.`,
  },
});

export function staffSecurityNotice(text: Record<EmailLocale, NoticeText>) {
  return defineEmailTemplate({
    schema: z.strictObject({ companyName: companyNameSchema, signInUrl: webUrlSchema }),
    subject: (locale, props) => `[${props.companyName}] ${text[locale].subject}`,
    component: function StaffSecurityNoticeEmail({ locale, companyName, signInUrl }) {
      const t = { ...common[locale], ...text[locale] };
      return (
        <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading} footer={t.footer(companyName)}>
          <Paragraph>{t.what}</Paragraph>
          <Paragraph>{t.notYou}</Paragraph>
          <PrimaryButton href={signInUrl}>{t.button}</PrimaryButton>
          <SmallPrint>{t.you}</SmallPrint>
        </EmailLayout>
      );
    },
  });
}
