import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, StatusLinkSection, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  /** The privacy team's question, as typed: plain text, never HTML. */
  message: staffTextSchema,
  statusUrl: webUrlSchema,
  /** Whether the law lets this question stop the clock until the person answers. */
  clockPaused: z.boolean(),
});

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `${companyName} needs more information about your request ${reference}`,
    heading: "We need more information",
    preview: "Please answer our question on your status page so we can continue with your request.",
    intro: "To continue with this request, our privacy team needs more information:",
    questionIntro: "Our question:",
    answerHow:
      "Please answer on your status page rather than by replying to this email, so that your answer is attached to your request securely.",
    button: "Answer on my status page",
    clockPaused: "The time we have to answer your request is paused until you reply.",
    clockRunning: "This question does not change the date by which we must answer.",
  },
  fr: {
    subject: (companyName: string, reference: string) =>
      `${companyName} a besoin d’informations complémentaires sur votre demande ${reference}`,
    heading: "Nous avons besoin d’informations complémentaires",
    preview: "Merci de répondre à notre question sur votre page de suivi pour que nous puissions poursuivre.",
    intro:
      "Pour poursuivre le traitement de cette demande, notre équipe chargée de la protection des données a besoin d’informations complémentaires\u00a0:",
    questionIntro: "Notre question\u00a0:",
    answerHow:
      "Merci de répondre sur votre page de suivi plutôt qu’en répondant à cet e-mail, afin que votre réponse soit jointe à votre demande de façon sécurisée.",
    button: "Répondre sur ma page de suivi",
    clockPaused: "Le délai dont nous disposons pour vous répondre est suspendu jusqu’à votre réponse.",
    clockRunning: "Cette question ne modifie pas la date à laquelle nous devons vous répondre.",
  },
});

export const informationRequestedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function InformationRequestedEmail({ locale, companyName, reference, type, message, statusUrl, clockPaused }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Paragraph>{t.questionIntro}</Paragraph>
        <TypedTextPanel text={message} />
        <Paragraph>{t.answerHow}</Paragraph>
        <PrimaryButton href={statusUrl}>{t.button}</PrimaryButton>
        <SmallPrint>{clockPaused ? t.clockPaused : t.clockRunning}</SmallPrint>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
