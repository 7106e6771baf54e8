import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, StatusLinkSection, Subheading, zipRequests } from "./components/parts.tsx";
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
    /** Someone filed on the person's behalf (CCPA regs §7063(a)): the person confirms directly with us. */
    agent: z.strictObject({ name: z.string().trim().min(1), organisation: z.string().trim().min(1).optional() }).optional(),
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
    agentHeading: "Someone filed this request for you",
    agentFiled: (name: string, organisation?: string) =>
      `${organisation ? `${name}, of ${organisation},` : name} told us that you asked them to make this request on your behalf and sent us a permission signed by you. We act on it only if you confirm it yourself, here.`,
    agentNotYou:
      "If you did not authorise this person, do not confirm: the request will expire and nothing will be done. You can also reply to this email or use the page below to tell us.",
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
    agentHeading: "Quelqu’un a fait cette demande pour vous",
    agentFiled: (name: string, organisation?: string) =>
      `${organisation ? `${name}, de ${organisation},` : name} nous a indiqué que vous lui avez demandé de faire cette demande en votre nom et nous a envoyé une autorisation signée par vous. Nous n’y donnons suite que si vous la confirmez vous-même, ici.`,
    agentNotYou:
      "Si vous n’avez pas autorisé cette personne, ne confirmez pas\u00a0: la demande expirera et rien ne sera fait. Vous pouvez aussi répondre à cet e-mail ou nous le dire depuis la page ci-dessous.",
  },
});

export const verifyRequestEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName),
  component: function VerifyRequestEmail({ locale, companyName, references, types, verifyUrl, code, statusUrl, expiresInHours, agent }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro(references.length, companyName)}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        {agent ? (
          <>
            <Subheading>{t.agentHeading}</Subheading>
            <Paragraph>{t.agentFiled(agent.name, agent.organisation)}</Paragraph>
            <Paragraph>{t.agentNotYou}</Paragraph>
          </>
        ) : null}
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
