import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, SmallPrint, zipRequests } from "./components/parts.tsx";
import { companyNameSchema, requestGroupShape, typesMatchReferences, typesMatchReferencesIssue } from "./components/schemas.ts";

// To an authorized agent who filed on the portal's form: received, and the person must confirm it
// directly with us (CCPA regs §7063(a)). No link: the person's links go to the person only.
const schema = z
  .strictObject({
    companyName: companyNameSchema,
    ...requestGroupShape,
    verifyWithinDays: z.number().int().positive(),
  })
  .refine(typesMatchReferences, typesMatchReferencesIssue);

export const agentRequestReceivedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => emailTexts(locale, "agentRequestReceived")("subject", { companyName: props.companyName }),
  component: function AgentRequestReceivedEmail({ locale, companyName, references, types, verifyWithinDays }) {
    const t = emailTexts(locale, "agentRequestReceived");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro", { count: references.length })}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Paragraph>{t("confirm", { days: verifyWithinDays })}</Paragraph>
        <Paragraph>{t("check")}</Paragraph>
        <SmallPrint>{t("notYou")}</SmallPrint>
      </EmailLayout>
    );
  },
});
