import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, SmallPrint, StatusLinkSection } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  statusUrl: webUrlSchema,
});

export const requestWithdrawnEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "requestWithdrawn")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function RequestWithdrawnEmail({ locale, companyName, reference, type, statusUrl }) {
    const t = emailTexts(locale, "requestWithdrawn");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Paragraph>{t("nothingMore")}</Paragraph>
        <Paragraph>{t("again")}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
        <SmallPrint>{t("notYou")}</SmallPrint>
      </EmailLayout>
    );
  },
});
