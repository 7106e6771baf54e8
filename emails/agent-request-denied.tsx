import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `${companyName} cannot act on the request ${reference} you filed`,
    preview: "The permission you sent does not show that the person authorised you.",
    heading: "We cannot act on the request you filed",
    intro: "We have decided not to act on this request, which you filed on someone's behalf:",
    why: "Why",
    reason:
      "The permission you sent does not show that the person the request is about authorised you to act for them. We have told the person too. They can file the request themselves, or you can file it again with a permission they have signed.",
    ourMessage: "Our explanation",
  },
  fr: {
    subject: (companyName: string, reference: string) =>
      `${companyName} ne peut pas donner suite à la demande ${reference} que vous avez faite`,
    preview: "L’autorisation que vous avez envoyée ne montre pas que la personne vous a autorisé.",
    heading: "Nous ne pouvons pas donner suite à la demande que vous avez faite",
    intro: "Nous avons décidé de ne pas donner suite à cette demande, que vous avez faite au nom de quelqu’un\u00a0:",
    why: "Pourquoi",
    reason:
      "L’autorisation que vous avez envoyée ne montre pas que la personne concernée vous a autorisé à agir pour elle. Nous l’en avons informée aussi. Elle peut faire la demande elle-même, ou vous pouvez la refaire avec une autorisation signée de sa main.",
    ourMessage: "Nos explications",
  },
});

export const agentRequestDeniedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function AgentRequestDeniedEmail({ locale, companyName, reference, type, message }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t.why}</Subheading>
        <Paragraph>{t.reason}</Paragraph>
        {message && (
          <>
            <Subheading>{t.ourMessage}</Subheading>
            <TypedTextPanel text={message} />
          </>
        )}
      </EmailLayout>
    );
  },
});
