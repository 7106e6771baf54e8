import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, StatusLinkSection, zipRequests } from "./components/parts.tsx";
import {
  companyNameSchema,
  requestGroupShape,
  typesMatchReferences,
  typesMatchReferencesIssue,
  webUrlSchema,
} from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    ...requestGroupShape,
    verifyUrl: webUrlSchema,
    code: z.string().regex(/^\d{6}$/, "must be 6 digits"),
    statusUrl: webUrlSchema,
    expiresInHours: z.number().int().positive(),
  })
  .refine(typesMatchReferences, typesMatchReferencesIssue);

const text = localized({
  en: {
    subject: (companyName: string) => `Confirm your email address to send your request to ${companyName}`,
    preview: "One click, or a 6-digit code, and we can start working on your request.",
    heading: "Confirm your email address",
    intro: (count: number, companyName: string) =>
      count === 1
        ? `We received this request to ${companyName} about your personal data:`
        : `We received these ${count} requests to ${companyName} about your personal data:`,
    why: "Before we start, please confirm that this email address is yours. We only act on requests from addresses that have been confirmed.",
    button: "Confirm my request",
    codeIntro: "Or enter this code on the page:",
    expires: (hours: number) => `The button and the code expire after ${hours} ${plural("en", hours, { one: "hour", other: "hours" })}.`,
    notYou: "If you did not make this request, ignore this email: nothing will happen and the request expires.",
  },
  fr: {
    subject: (companyName: string) => `Confirmez votre adresse e-mail pour envoyer votre demande à ${companyName}`,
    preview: "Un clic, ou un code à 6 chiffres, et nous pourrons commencer à traiter votre demande.",
    heading: "Confirmez votre adresse e-mail",
    intro: (count: number, companyName: string) =>
      count === 1
        ? `Nous avons reçu cette demande adressée à ${companyName} concernant vos données personnelles\u00a0:`
        : `Nous avons reçu ces ${count} demandes adressées à ${companyName} concernant vos données personnelles\u00a0:`,
    why: "Avant de commencer, merci de confirmer que cette adresse e-mail est bien la vôtre. Nous ne traitons que les demandes dont l’adresse a été confirmée.",
    button: "Confirmer ma demande",
    codeIntro: "Ou saisissez ce code sur la page\u00a0:",
    expires: (hours: number) =>
      `Le bouton et le code expirent au bout de ${hours} ${plural("fr", hours, { one: "heure", other: "heures" })}.`,
    notYou: "Si vous n’êtes pas à l’origine de cette demande, ignorez cet e-mail\u00a0: il ne se passera rien et la demande expirera.",
  },
});

export const verifyRequestEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName),
  component: function VerifyRequestEmail({ locale, companyName, references, types, verifyUrl, code, statusUrl, expiresInHours }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro(references.length, companyName)}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Paragraph>{t.why}</Paragraph>
        <PrimaryButton href={verifyUrl}>{t.button}</PrimaryButton>
        <Paragraph>{t.codeIntro}</Paragraph>
        <Section style={styles.panel}>
          <Text style={styles.code}>{code}</Text>
        </Section>
        <Paragraph>{t.expires(expiresInHours)}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
        <SmallPrint>{t.notYou}</SmallPrint>
      </EmailLayout>
    );
  },
});
