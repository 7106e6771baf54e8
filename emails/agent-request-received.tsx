import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: (companyName: string) => `${companyName} received the request you filed on someone's behalf`,
    preview: "We received your request. The person it is about must now confirm it with us.",
    heading: "We received the request you filed",
    intro: (count: number) =>
      count === 1
        ? "We received this request, which you filed on someone's behalf:"
        : `We received these ${count} requests, which you filed on someone's behalf:`,
    confirm: (days: number) =>
      `We have written to the person the request is about. They must confirm it with us themselves within ${days} ${plural("en", days, { one: "day", other: "days" })}; until they do, nothing is done, and without their confirmation the request expires.`,
    check: "We will also check the permission you sent. If it does not show that the person authorised you, we will tell you and them.",
    notYou: "If you did not file this request, ignore this email.",
  },
  fr: {
    subject: (companyName: string) => `${companyName} a reçu la demande que vous avez faite pour quelqu’un`,
    preview: "Nous avons reçu votre demande. La personne concernée doit maintenant nous la confirmer.",
    heading: "Nous avons reçu la demande que vous avez faite",
    intro: (count: number) =>
      count === 1
        ? "Nous avons reçu cette demande, que vous avez faite au nom de quelqu’un\u00a0:"
        : `Nous avons reçu ces ${count} demandes, que vous avez faites au nom de quelqu’un\u00a0:`,
    confirm: (days: number) =>
      `Nous avons écrit à la personne concernée. Elle doit nous confirmer la demande elle-même dans les ${days} ${plural("fr", days, { one: "jour", other: "jours" })}\u00a0; d’ici là, rien n’est fait, et sans sa confirmation la demande expire.`,
    check:
      "Nous vérifierons aussi l’autorisation que vous nous avez envoyée. Si elle ne montre pas que la personne vous a autorisé, nous vous le dirons, à vous et à elle.",
    notYou: "Si vous n’avez pas fait cette demande, ignorez cet e-mail.",
  },
});

export const agentRequestReceivedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName),
  component: function AgentRequestReceivedEmail({ locale, companyName, references, types, verifyWithinDays }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro(references.length)}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Paragraph>{t.confirm(verifyWithinDays)}</Paragraph>
        <Paragraph>{t.check}</Paragraph>
        <SmallPrint>{t.notYou}</SmallPrint>
      </EmailLayout>
    );
  },
});
