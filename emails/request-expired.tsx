import { z } from "zod";
import { ComplaintSection, complaintSchema } from "./components/complaint.tsx";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: (companyName: string) => `Your request to ${companyName} was closed: email address not confirmed`,
    heading: "Your request was closed",
    preview: "Your email address was not confirmed in time, so nothing was done.",
    intro: (count: number): string =>
      count === 1 ? "This request was closed without being processed:" : "These requests were closed without being processed:",
    why: (days: number) =>
      `The email address was not confirmed within ${days} ${plural("en", days, { one: "day", other: "days" })}. We only act on requests from confirmed addresses, so nothing was done: no data was searched, changed or deleted.`,
    again:
      "If you still want to exercise your rights, you can make a new request at any time and confirm your email address when we write to you.",
    button: "Make a new request",
    notYou: "If you did not make this request, you do not need to do anything.",
  },
  fr: {
    subject: (companyName: string) => `Votre demande à ${companyName} a été clôturée\u00a0: adresse e-mail non confirmée`,
    heading: "Votre demande a été clôturée",
    preview: "Votre adresse e-mail n’a pas été confirmée à temps\u00a0: rien n’a été fait.",
    intro: (count: number) =>
      count === 1 ? "Cette demande a été clôturée sans être traitée\u00a0:" : "Ces demandes ont été clôturées sans être traitées\u00a0:",
    why: (days: number) =>
      `L’adresse e-mail n’a pas été confirmée dans un délai de ${days} ${plural("fr", days, { one: "jour", other: "jours" })}. Nous ne traitons que les demandes dont l’adresse a été confirmée\u00a0: rien n’a donc été fait, aucune donnée n’a été recherchée, modifiée ni supprimée.`,
    again:
      "Si vous souhaitez toujours exercer vos droits, vous pouvez faire une nouvelle demande à tout moment, puis confirmer votre adresse e-mail lorsque nous vous écrirons.",
    button: "Faire une nouvelle demande",
    notYou: "Si vous n’êtes pas à l’origine de cette demande, vous n’avez rien à faire.",
  },
});

export const requestExpiredEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName),
  component: function RequestExpiredEmail({ locale, companyName, references, types, verifyWithinDays, newRequestUrl, complaint }) {
    const t = text[locale];
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading}>
        <Paragraph>{t.intro(references.length)}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        <Paragraph>{t.why(verifyWithinDays)}</Paragraph>
        <Paragraph>{t.again}</Paragraph>
        <PrimaryButton href={newRequestUrl}>{t.button}</PrimaryButton>
        <ComplaintSection locale={locale} reference={references.join(", ")} complaint={complaint} />
        <SmallPrint>{t.notYou}</SmallPrint>
      </EmailLayout>
    );
  },
});
