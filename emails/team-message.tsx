import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, StatusLinkSection, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";

/** A message the privacy team wrote to the person (lib/requests/send-message-to-person.ts). */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  /** As typed by staff: plain text, never HTML. */
  message: staffTextSchema,
  statusUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `A message from ${companyName} about your request ${reference}`,
    heading: "A message about your request",
    preview: "Our privacy team has written to you about your request.",
    intro: "Our privacy team has written to you about this request:",
    answerHow:
      "You can answer on your status page rather than by replying to this email, so that your answer is attached to your request securely.",
    button: "Read and answer on my status page",
  },
  fr: {
    subject: (companyName: string, reference: string) => `Un message de ${companyName} au sujet de votre demande ${reference}`,
    heading: "Un message au sujet de votre demande",
    preview: "Notre équipe chargée de la protection des données vous a écrit au sujet de votre demande.",
    intro: "Notre équipe chargée de la protection des données vous a écrit au sujet de cette demande\u00a0:",
    answerHow:
      "Vous pouvez répondre sur votre page de suivi plutôt qu’en répondant à cet e-mail, afin que votre réponse soit jointe à votre demande de façon sécurisée.",
    button: "Lire et répondre sur ma page de suivi",
  },
});

export const teamMessageEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function TeamMessageEmail({ locale, companyName, reference, type, message, statusUrl }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <TypedTextPanel text={message} />
        <Paragraph>{t.answerHow}</Paragraph>
        <PrimaryButton href={statusUrl}>{t.button}</PrimaryButton>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
