import { Section } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate, localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading, TypedTextPanel } from "./components/parts.tsx";
import {
  calendarDateSchema,
  companyNameSchema,
  referenceSchema,
  requestTypeSchema,
  staffTextSchema,
  webUrlSchema,
} from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    reference: referenceSchema,
    type: requestTypeSchema,
    /** Why the extension is needed, as typed by the privacy team: the law requires the reasons. */
    reason: staffTextSchema,
    previousDueDate: calendarDateSchema,
    newDueDate: calendarDateSchema,
    statusUrl: webUrlSchema,
  })
  .refine((props) => props.newDueDate > props.previousDueDate, {
    path: ["newDueDate"],
    message: "must be later than previousDueDate",
  });

/**
 * GDPR Art. 12(3) lets the time to answer be extended only if the person is told, within the first
 * period, with the reasons; Art. 12(4) and 77 give them the right to complain to a supervisory authority.
 */
const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `${companyName} needs more time to answer your request ${reference}`,
    heading: "We need more time to answer your request",
    preview: (newDate: string) => `We will answer by ${newDate} at the latest.`,
    intro: "We are extending the time we have to answer this request:",
    reasonsHeading: "Why we need more time",
    previousDate: "Date previously announced:",
    newDate: "New date by which we must answer:",
    meanwhile: "We are still working on your request and will email you as soon as our answer is ready, possibly before this date.",
    complaint:
      "If you disagree with this extension, you have the right to lodge a complaint with a data protection supervisory authority, for example the one in the country where you live or work, and to seek a judicial remedy.",
  },
  fr: {
    subject: (companyName: string, reference: string) =>
      `${companyName} a besoin de plus de temps pour répondre à votre demande ${reference}`,
    heading: "Nous avons besoin de plus de temps pour vous répondre",
    preview: (newDate: string) => `Nous vous répondrons au plus tard le ${newDate}.`,
    intro: "Nous prolongeons le délai dont nous disposons pour répondre à cette demande\u00a0:",
    reasonsHeading: "Pourquoi nous avons besoin de plus de temps",
    previousDate: "Date annoncée précédemment\u00a0:",
    newDate: "Nouvelle date à laquelle nous devons vous répondre au plus tard\u00a0:",
    meanwhile: "Nous continuons à traiter votre demande et vous écrirons dès que notre réponse sera prête, peut-être avant cette date.",
    complaint:
      "Si vous n’êtes pas d’accord avec cette prolongation, vous avez le droit d’introduire une réclamation auprès d’une autorité de contrôle de la protection des données, par exemple celle du pays où vous résidez ou travaillez, et de former un recours juridictionnel.",
  },
});

export const deadlineExtendedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function DeadlineExtendedEmail(props) {
    const { locale, country, companyName, reference, type, reason, previousDueDate, newDueDate, statusUrl } = props;
    const t = text[locale];
    const formattedNewDate = formatEmailDate(newDueDate, locale, country);
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedNewDate)} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Section style={styles.panel}>
          <Paragraph>
            {t.previousDate} {formatEmailDate(previousDueDate, locale, country)}
          </Paragraph>
          <Paragraph>
            {t.newDate} <strong>{formattedNewDate}</strong>
          </Paragraph>
        </Section>
        <Subheading>{t.reasonsHeading}</Subheading>
        <TypedTextPanel text={reason} />
        <Paragraph>{t.meanwhile}</Paragraph>
        <Paragraph>{t.complaint}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
