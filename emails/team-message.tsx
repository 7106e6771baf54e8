import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
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

export const teamMessageEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => emailTexts(locale, "teamMessage")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function TeamMessageEmail({ locale, companyName, reference, type, message, statusUrl }) {
    const t = emailTexts(locale, "teamMessage");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <TypedTextPanel text={message} />
        <Paragraph>{t("answerHow")}</Paragraph>
        <PrimaryButton href={statusUrl}>{t("button")}</PrimaryButton>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
      </EmailLayout>
    );
  },
});
