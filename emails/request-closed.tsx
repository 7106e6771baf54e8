import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";

/**
 * Staff closed the request by hand (work done outside the connectors). A partial answer is a
 * refusal of the rest, so it carries the reasons and the remedies, like a denial (GDPR Art. 12(4)).
 */
const schema = z
  .strictObject({
    companyName: companyNameSchema,
    reference: referenceSchema,
    type: requestTypeSchema,
    outcome: z.enum(["fulfilled", "partially-fulfilled"]),
    message: staffTextSchema.optional(),
    complaint: complaintSchema.optional(),
    statusUrl: webUrlSchema,
  })
  .refine((props) => props.outcome === "fulfilled" || (props.message && props.complaint), {
    path: ["message"],
    message: "a partial answer needs the message explaining what was not done, and the complaint route",
  });

export const requestClosedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    props.outcome === "fulfilled"
      ? emailTexts(locale, "requestClosed")("subject", { companyName: props.companyName, reference: props.reference })
      : emailTexts(locale, "requestClosed")("subjectPartial", { companyName: props.companyName, reference: props.reference }),
  component: function RequestClosedEmail({ locale, companyName, reference, type, outcome, message, complaint, statusUrl }) {
    const t = emailTexts(locale, "requestClosed");
    const partial = outcome === "partially-fulfilled";
    return (
      <EmailLayout
        locale={locale}
        companyName={companyName}
        preview={partial ? t("previewPartial") : t("preview")}
        heading={partial ? t("headingPartial") : t("heading")}
      >
        <Paragraph>{partial ? t("introPartial") : t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        {message && (
          <>
            <Subheading>{partial ? t("whatAndWhy") : t("ourMessage")}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
        {partial && complaint && <ComplaintSection locale={locale} reference={reference} complaint={complaint} />}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});
