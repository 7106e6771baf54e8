import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, SmallPrint, StatusLinkSection } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  statusUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `Your request ${reference} to ${companyName} has been withdrawn`,
    heading: "Your request has been withdrawn",
    preview: "As you asked, we will not do anything further on this request.",
    intro: "As you asked, this request has been withdrawn:",
    nothingMore: "We will not do anything further on it.",
    statusIntro: "The history of your request remains available on this page:",
    again: "You can make a new request at any time if you change your mind.",
    notYou:
      "If you did not withdraw this request yourself, someone else may have your private status link: make a new request and keep its link to yourself.",
  },
  fr: {
    subject: (companyName: string, reference: string) => `Votre demande ${reference} à ${companyName} a été retirée`,
    heading: "Votre demande a été retirée",
    preview: "Comme vous l’avez demandé, nous ne ferons plus rien au sujet de cette demande.",
    intro: "Comme vous l’avez demandé, cette demande a été retirée\u00a0:",
    nothingMore: "Nous ne ferons plus rien à son sujet.",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
    again: "Vous pouvez faire une nouvelle demande à tout moment si vous changez d’avis.",
    notYou:
      "Si ce n’est pas vous qui avez retiré cette demande, quelqu’un d’autre a peut-être votre lien de suivi personnel\u00a0: faites une nouvelle demande et gardez son lien pour vous.",
  },
});

export const requestWithdrawnEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function RequestWithdrawnEmail({ locale, companyName, reference, type, statusUrl }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Paragraph>{t.nothingMore}</Paragraph>
        <Paragraph>{t.again}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
        <SmallPrint>{t.notYou}</SmallPrint>
      </EmailLayout>
    );
  },
});
