import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
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

export const informationRequestedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "informationRequested")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function InformationRequestedEmail({ locale, companyName, reference, type, message, statusUrl, clockPaused }) {
    const t = emailTexts(locale, "informationRequested");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Paragraph>{t("questionIntro")}</Paragraph>
        <TypedTextPanel text={message} />
        <Paragraph>{t("answerHow")}</Paragraph>
        <PrimaryButton href={statusUrl}>{t("button")}</PrimaryButton>
        <SmallPrint>{clockPaused ? t("clockPaused") : t("clockRunning")}</SmallPrint>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
