import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `${companyName} has completed your request ${reference}`,
    subjectPartial: (companyName: string, reference: string) => `${companyName} has answered part of your request ${reference}`,
    heading: "We have completed your request",
    headingPartial: "We have answered part of your request",
    preview: "Your request is complete.",
    previewPartial: "We have done part of what you asked. This email explains what and why.",
    intro: "We have done what you asked in this request:",
    introPartial: "We have done part of what you asked in this request, but not all of it:",
    ourMessage: "Our message",
    whatAndWhy: "What we did not do, and why",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    subject: (companyName: string, reference: string) => `${companyName} a traité votre demande ${reference}`,
    subjectPartial: (companyName: string, reference: string) => `${companyName} a répondu en partie à votre demande ${reference}`,
    heading: "Nous avons traité votre demande",
    headingPartial: "Nous avons répondu en partie à votre demande",
    preview: "Votre demande est traitée.",
    previewPartial: "Nous avons fait une partie de ce que vous demandiez. Cet e-mail explique quoi et pourquoi.",
    intro: "Nous avons fait ce que vous demandiez dans cette demande\u00a0:",
    introPartial: "Nous avons fait une partie de ce que vous demandiez dans cette demande, mais pas tout\u00a0:",
    ourMessage: "Notre message",
    whatAndWhy: "Ce que nous n’avons pas fait, et pourquoi",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

export const requestClosedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    props.outcome === "fulfilled"
      ? text[locale].subject(props.companyName, props.reference)
      : text[locale].subjectPartial(props.companyName, props.reference),
  component: function RequestClosedEmail({ locale, companyName, reference, type, outcome, message, complaint, statusUrl }) {
    const t = text[locale];
    const partial = outcome === "partially-fulfilled";
    return (
      <EmailLayout
        locale={locale}
        companyName={companyName}
        preview={partial ? t.previewPartial : t.preview}
        heading={partial ? t.headingPartial : t.heading}
      >
        <Paragraph>{partial ? t.introPartial : t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        {message && (
          <>
            <Subheading>{partial ? t.whatAndWhy : t.ourMessage}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
        {partial && complaint && <ComplaintSection locale={locale} reference={reference} complaint={complaint} />}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
