import { Section } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate, localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, SmallPrint, StatusLinkSection, Subheading, zipRequests } from "./components/parts.tsx";
import {
  calendarDateSchema,
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
    statusUrl: webUrlSchema,
    dueDate: calendarDateSchema,
    /** The deadline engine's explanation in the email's language, with legal citations; shown as written. */
    dueDateReasons: z.array(z.string().trim().min(1)),
    acknowledgeBy: calendarDateSchema.nullish(),
  })
  .refine(typesMatchReferences, typesMatchReferencesIssue);

const text = localized({
  en: {
    subject: (companyName: string, count: number) =>
      count === 1 ? `${companyName} has received your request` : `${companyName} has received your ${count} requests`,
    heading: (count: number): string => (count === 1 ? "We have received your request" : "We have received your requests"),
    preview: (dueDate: string) => `We will answer by ${dueDate} at the latest.`,
    intro: "Thank you for confirming your email address. Your request is registered:",
    dueIntro: "We must answer by",
    nextHeading: "What happens next",
    review: "Our privacy team reviews your request.",
    moreInfo:
      "If we need more information, for example to find your data or to be sure the request comes from you, we will email you and you can answer on your status page.",
    ready: "You will receive an email as soon as our answer is ready.",
    detailsHeading: "How this date was computed",

    acknowledgement: (date: string) => `The law asks us to confirm receipt of your request by ${date}: this email is that confirmation.`,
  },
  fr: {
    subject: (companyName: string, count: number) =>
      count === 1 ? `${companyName} a bien reçu votre demande` : `${companyName} a bien reçu vos ${count} demandes`,
    heading: (count: number) => (count === 1 ? "Nous avons bien reçu votre demande" : "Nous avons bien reçu vos demandes"),
    preview: (dueDate: string) => `Nous vous répondrons au plus tard le ${dueDate}.`,
    intro: "Merci d’avoir confirmé votre adresse e-mail. Votre demande est enregistrée\u00a0:",
    dueIntro: "Nous devons vous répondre au plus tard le",
    nextHeading: "La suite",
    review: "Notre équipe chargée de la protection des données examine votre demande.",
    moreInfo:
      "Si nous avons besoin d’informations complémentaires, par exemple pour retrouver vos données ou nous assurer que la demande vient bien de vous, nous vous écrirons et vous pourrez répondre sur votre page de suivi.",
    ready: "Vous recevrez un e-mail dès que notre réponse sera prête.",
    detailsHeading: "Comment cette date a été calculée",
    acknowledgement: (date: string) =>
      `La loi nous demande d’accuser réception de votre demande au plus tard le ${date}\u00a0: cet e-mail en est l’accusé de réception.`,
  },
});

export const requestAcknowledgedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.references.length),
  component: function RequestAcknowledgedEmail(props) {
    const { locale, country, companyName, references, types, statusUrl, dueDate, dueDateReasons, acknowledgeBy } = props;
    const t = text[locale];
    const formattedDueDate = formatEmailDate(dueDate, locale, country);
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedDueDate)} heading={t.heading(references.length)}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Section style={styles.panel}>
          <Paragraph>
            {t.dueIntro} <strong>{formattedDueDate}</strong>.
          </Paragraph>
        </Section>
        <Subheading>{t.nextHeading}</Subheading>
        <Paragraph>{t.review}</Paragraph>
        <Paragraph>{t.moreInfo}</Paragraph>
        <Paragraph>{t.ready}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
        {(dueDateReasons.length > 0 || acknowledgeBy) && (
          <Section>
            <Subheading>{t.detailsHeading}</Subheading>
            {acknowledgeBy && <SmallPrint>{t.acknowledgement(formatEmailDate(acknowledgeBy, locale, country))}</SmallPrint>}
            {dueDateReasons.map((reason) => (
              <SmallPrint key={reason}>{reason}</SmallPrint>
            ))}
          </Section>
        )}
      </EmailLayout>
    );
  },
});
