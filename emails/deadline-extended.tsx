import { Section } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts, formatEmailDate } from "./components/i18n.ts";
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
export const deadlineExtendedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "deadlineExtended")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function DeadlineExtendedEmail(props) {
    const { locale, country, companyName, reference, type, reason, previousDueDate, newDueDate, statusUrl } = props;
    const t = emailTexts(locale, "deadlineExtended");
    const formattedNewDate = formatEmailDate(newDueDate, locale, country);
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview", { newDate: formattedNewDate })} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Section style={styles.panel}>
          <Paragraph>
            {t("previousDate")} {formatEmailDate(previousDueDate, locale, country)}
          </Paragraph>
          <Paragraph>
            {t("newDate")} <strong>{formattedNewDate}</strong>
          </Paragraph>
        </Section>
        <Subheading>{t("reasonsHeading")}</Subheading>
        <TypedTextPanel text={reason} />
        <Paragraph>{t("meanwhile")}</Paragraph>
        <Paragraph>{t("complaint")}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
