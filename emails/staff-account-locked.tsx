import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: "Your staff account was locked after wrong two-factor codes",
    heading: "Your account is locked for now",
    preview: "Someone who knows your password entered wrong two-factor codes.",
    what: (codes: number, minutes: number) =>
      `${codes} wrong two-factor codes were entered for your staff account, so it is locked for ${minutes} ${plural("en", minutes, { one: "minute", other: "minutes" })} and the sessions waiting for a code were ended.`,
    meaning: "Getting to the code step takes your password. If these attempts were not yours, someone else knows it.",
    act: "Once the lock ends, sign in and change your password at once. If you cannot, ask an administrator to reset it.",
    button: "Sign in",
    mine: "If it was you (a phone with the wrong time, an old code), wait for the lock to end and use a fresh code or a recovery code.",
    footer: (companyName: string) => `A security notice about your account in ${companyName}'s privacy requests workspace.`,
  },
  fr: {
    subject: "Votre compte équipe a été verrouillé après des codes de vérification erronés",
    heading: "Votre compte est verrouillé pour le moment",
    preview: "Quelqu’un qui connaît votre mot de passe a saisi des codes de vérification erronés.",
    what: (codes: number, minutes: number) =>
      `${codes}\u00a0codes de vérification en deux étapes erronés ont été saisis pour votre compte équipe\u00a0: il est verrouillé pendant ${minutes}\u00a0${plural("fr", minutes, { one: "minute", other: "minutes" })} et les sessions qui attendaient un code ont été fermées.`,
    meaning:
      "Arriver à l’étape du code demande votre mot de passe. Si ces tentatives ne viennent pas de vous, quelqu’un d’autre le connaît.",
    act: "Dès la fin du verrouillage, connectez-vous et changez votre mot de passe. Si vous n’y arrivez pas, demandez à un administrateur de le réinitialiser.",
    button: "Se connecter",
    mine: "Si c’était vous (un téléphone mal réglé, un ancien code), attendez la fin du verrouillage et utilisez un nouveau code ou un code de secours.",
    footer: (companyName: string) =>
      `Un avis de sécurité concernant votre compte dans l’espace de traitement des demandes de ${companyName}.`,
  },
});

export const staffAccountLockedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => `[${props.companyName}] ${text[locale].subject}`,
  component: function StaffAccountLockedEmail({ locale, companyName, wrongCodes, lockedMinutes, signInUrl }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading} footer={t.footer(companyName)}>
        <Paragraph>{t.what(wrongCodes, lockedMinutes)}</Paragraph>
        <Paragraph>{t.meaning}</Paragraph>
        <Paragraph>{t.act}</Paragraph>
        <PrimaryButton href={signInUrl}>{t.button}</PrimaryButton>
        <SmallPrint>{t.mine}</SmallPrint>
      </EmailLayout>
    );
  },
});
