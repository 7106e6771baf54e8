import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, Subheading, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema } from "./components/schemas.ts";

// To an authorized agent whose request was refused because its permission to act was not shown
// (the person gets request-denied with the same reason).
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  /** The privacy team's own words, shown under the reason. */
  message: staffTextSchema.optional(),
});

export const agentRequestDeniedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "agentRequestDenied")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function AgentRequestDeniedEmail({ locale, companyName, reference, type, message }) {
    const t = emailTexts(locale, "agentRequestDenied");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t("why")}</Subheading>
        <Paragraph>{t("reason")}</Paragraph>
        {message && (
          <>
            <Subheading>{t("ourMessage")}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
      </EmailLayout>
    );
  },
});
