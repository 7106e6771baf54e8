import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate, localized } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, StaffEmailLayout, StaffRequestPanel } from "./components/staff-parts.tsx";

/** Written by the reminder sweep (lib/reminders/reminder-queries.ts) for every active admin. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  daysOverdue: z.number().int().min(1),
  /** The staff member the request is assigned to, or null when nobody (active) is. */
  assignee: z.email().nullable(),
  requestUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: (companyName: string, reference: string, late: string) => `[${companyName}] Overdue: ${reference} is ${late}`,
    heading: (reference: string) => `${reference} is overdue`,
    preview: (date: string) => `It was due on ${date}.`,
    intro: (date: string, late: string) =>
      `The answer to this request was due on ${date} and it is still open (${late}): the legal deadline has passed.`,
    assignee: (email: string) => `It is assigned to ${email}.`,
    nobody: "Nobody is assigned to it.",
    action: "Please make sure it is answered without further delay. You receive this as an administrator, once for this due date.",
    open: "Open the request",
  },
  fr: {
    subject: (companyName: string, reference: string, late: string) => `[${companyName}] Échéance dépassée\u00a0: ${reference}, ${late}`,
    heading: (reference: string) => `L’échéance de ${reference} est dépassée`,
    preview: (date: string) => `La réponse était due le ${date}.`,
    intro: (date: string, late: string) =>
      `La réponse à cette demande était due le ${date} et elle est toujours ouverte (${late})\u00a0: le délai légal est dépassé.`,
    assignee: (email: string) => `Elle est attribuée à ${email}.`,
    nobody: "Elle n’est attribuée à personne.",
    action:
      "Veillez à ce qu’elle reçoive une réponse sans plus attendre. Vous recevez ce message en tant qu’administrateur, une fois pour cette échéance.",
    open: "Ouvrir la demande",
  },
});

export const staffOverdueEscalationEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference, daysLeftPhrase(locale, -props.daysOverdue)),
  component: function StaffOverdueEscalationEmail(props) {
    const { locale, companyName, reference, type, dueDate, daysOverdue, assignee, requestUrl } = props;
    const t = text[locale];
    const formattedDate = formatEmailDate(dueDate, locale);
    return (
      <StaffEmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedDate)} heading={t.heading(reference)}>
        <Paragraph>{t.intro(formattedDate, daysLeftPhrase(locale, -daysOverdue))}</Paragraph>
        <Paragraph>{assignee ? t.assignee(assignee) : t.nobody}</Paragraph>
        <Paragraph>{t.action}</Paragraph>
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t.open}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
