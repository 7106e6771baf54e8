import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";

export const denialReasons = [
  "IDENTITY_NOT_VERIFIED",
  "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
  "EXEMPTION_APPLIES",
  "NO_DATA_HELD",
  "AGENT_AUTHORITY_NOT_SHOWN",
  "OTHER",
] as const;

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    reference: referenceSchema,
    type: requestTypeSchema,
    reason: z.enum(denialReasons),
    /** The privacy team's own words, shown under the reason. */
    message: staffTextSchema.optional(),
    complaint: complaintSchema,
    statusUrl: webUrlSchema,
  })
  .refine((props) => props.reason !== "OTHER" || props.message, {
    path: ["message"],
    message: "is required when the reason is OTHER",
  });

export const requestDeniedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "requestDenied")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function RequestDeniedEmail({ locale, companyName, reference, type, reason, message, complaint, statusUrl }) {
    const t = emailTexts(locale, "requestDenied");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t("why")}</Subheading>
        <Paragraph>{t(`reasons.${reason}`)}</Paragraph>
        {message && (
          <>
            <Subheading>{t("ourMessage")}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
        <ComplaintSection locale={locale} reference={reference} complaint={complaint} />
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});
