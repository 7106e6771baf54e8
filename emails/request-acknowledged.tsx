import { Section } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts, formatEmailDate } from "./components/i18n.ts";
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

export const requestAcknowledgedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "requestAcknowledged")("subject", { companyName: props.companyName, count: props.references.length }),
  component: function RequestAcknowledgedEmail(props) {
    const { locale, country, companyName, references, types, statusUrl, dueDate, dueDateReasons, acknowledgeBy } = props;
    const t = emailTexts(locale, "requestAcknowledged");
    const formattedDueDate = formatEmailDate(dueDate, locale, country);
    return (
      <EmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("preview", { dueDate: formattedDueDate })}
        heading={t("heading", { count: references.length })}
      >
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Section style={styles.panel}>
          <Paragraph>
            {t("dueIntro")} <strong>{formattedDueDate}</strong>.
          </Paragraph>
        </Section>
        <Subheading>{t("nextHeading")}</Subheading>
        <Paragraph>{t("review")}</Paragraph>
        <Paragraph>{t("moreInfo")}</Paragraph>
        <Paragraph>{t("ready")}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
        {(dueDateReasons.length > 0 || acknowledgeBy) && (
          <Section>
            <Subheading>{t("detailsHeading")}</Subheading>
            {acknowledgeBy && <SmallPrint>{t("acknowledgement", { date: formatEmailDate(acknowledgeBy, locale, country) })}</SmallPrint>}
            {dueDateReasons.map((reason) => (
              <SmallPrint key={reason}>{reason}</SmallPrint>
            ))}
          </Section>
        )}
      </EmailLayout>
    );
  },
});
