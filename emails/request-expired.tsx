import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, zipRequests } from "./components/parts.tsx";
import {
  companyNameSchema,
  requestGroupShape,
  typesMatchReferences,
  typesMatchReferencesIssue,
  webUrlSchema,
} from "./components/schemas.ts";

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    ...requestGroupShape,
    verifyWithinDays: z.number().int().positive(),
    newRequestUrl: webUrlSchema,
    /** No action was taken, so the person is told where to complain (GDPR Art. 12(4)), as in a denial. */
    complaint: complaintSchema,
  })
  .refine(typesMatchReferences, typesMatchReferencesIssue);

export const requestExpiredEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => emailTexts(locale, "requestExpired")("subject", { companyName: props.companyName }),
  component: function RequestExpiredEmail({ locale, companyName, references, types, verifyWithinDays, newRequestUrl, complaint }) {
    const t = emailTexts(locale, "requestExpired");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro", { count: references.length })}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Paragraph>{t("why", { days: verifyWithinDays })}</Paragraph>
        <Paragraph>{t("again")}</Paragraph>
        <PrimaryButton href={newRequestUrl}>{t("button")}</PrimaryButton>
        <ComplaintSection locale={locale} reference={references.join(", ")} complaint={complaint} />
        <SmallPrint>{t("notYou")}</SmallPrint>
      </EmailLayout>
    );
  },
});
