import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { StaffEmailLayout, StaffRequestPanel } from "./components/staff-parts.tsx";

/** Written by lib/requests/assign-request.ts: no personal data of the person. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  /** Who assigned it (a colleague's email, or an integration's name); null for the system. */
  assignedBy: z.string().min(1).max(320).nullable(),
  requestUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: (reference: string) => `${reference} is assigned to you`,
    heading: (reference: string) => `${reference} is yours to answer`,
    preview: "A privacy request is assigned to you.",
    by: (who: string) => `${who} assigned this request to you.`,
    bySystem: "This request was assigned to you.",
    next: "You will be reminded before it is due. Open it to see what the person asked and what has happened so far.",
    open: "Open the request",
  },
  fr: {
    subject: (reference: string) => `${reference} vous est attribuée`,
    heading: (reference: string) => `À vous de répondre à ${reference}`,
    preview: "Une demande relative à la vie privée vous est attribuée.",
    by: (who: string) => `${who} vous a attribué cette demande.`,
    bySystem: "Cette demande vous a été attribuée.",
    next: "Vous recevrez un rappel avant l’échéance. Ouvrez-la pour voir ce que la personne demande et ce qui a déjà été fait.",
    open: "Ouvrir la demande",
  },
});

export const staffRequestAssignedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => `[${props.companyName}] ${text[locale].subject(props.reference)}`,
  component: function StaffRequestAssignedEmail(props) {
    const { locale, companyName, reference, type, dueDate, assignedBy, requestUrl } = props;
    const t = text[locale];
    return (
      <StaffEmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading(reference)}>
        <Paragraph>{assignedBy ? t.by(assignedBy) : t.bySystem}</Paragraph>
        <Paragraph>{t.next}</Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t.open}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
