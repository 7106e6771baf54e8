import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate, localized } from "./components/i18n.ts";
import { Paragraph, PrimaryButton } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, inDaysPhrase, StaffEmailLayout, StaffRequestPanel } from "./components/staff-parts.tsx";

/** Written by the reminder sweep (lib/reminders/reminder-queries.ts): no personal data of the person. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  /** What is coming: the due date, or the last day to tell the person of an extension. */
  kind: z.enum(["due", "extension-notice"]),
  reference: referenceSchema,
  type: requestTypeSchema,
  /** The date the reminder is about (the due date, or the extension-notice date). */
  date: calendarDateSchema,
  daysLeft: z.number().int().min(0),
  dueDate: calendarDateSchema,
  /** The last day to tell the person of an extension, while the request can still be extended. */
  extendBy: calendarDateSchema.nullable(),
  /** False when nobody is assigned and the admins are reminded instead. */
  assignedToYou: z.boolean(),
  requestUrl: webUrlSchema,
});

type Props = z.output<typeof schema>;

const text = localized({
  en: {
    unassignedTag: "Unassigned: ",
    subject: (p: Props, due: string, notice: string) =>
      p.kind === "due" ? `${p.reference} is ${due}` : `${p.reference}: the last day to extend is ${notice}`,
    heading: (p: Props) => (p.kind === "due" ? `${p.reference} is due soon` : `Extend ${p.reference} in time, if it needs more time`),
    preview: (date: string) => `Date: ${date}.`,
    due: (date: string, when: string) => `The answer to this request is due on ${date} (${when}).`,
    dueAssigned: "It is assigned to you: answer it by then.",
    extendBy: (date: string) =>
      `If it needs more time, the deadline can still be extended: the person must be told, with the reasons, by ${date}.`,
    notice: (date: string, when: string) =>
      `If this request needs more time, the person must be told of the extension, with the reasons, by ${date} (${when}). After that day the deadline can no longer be extended.`,
    unassigned: "Nobody is assigned to this request: you receive this as an administrator. Assign it so that someone answers in time.",
    open: "Open the request",
  },
  fr: {
    unassignedTag: "Non attribuée\u00a0: ",
    subject: (p: Props, due: string, notice: string) =>
      p.kind === "due" ? `${p.reference}, ${due}` : `${p.reference}\u00a0: dernier jour pour prolonger le délai ${notice}`,
    heading: (p: Props) => (p.kind === "due" ? `L’échéance de ${p.reference} approche` : `Prolongez ${p.reference} à temps, si nécessaire`),
    preview: (date: string) => `Date\u00a0: ${date}.`,
    due: (date: string, when: string) => `La réponse à cette demande est due le ${date} (${when}).`,
    dueAssigned: "Elle vous est attribuée\u00a0: répondez d’ici là.",
    extendBy: (date: string) =>
      `Si elle nécessite plus de temps, le délai peut encore être prolongé\u00a0: la personne doit en être informée, avec les motifs, au plus tard le ${date}.`,
    notice: (date: string, when: string) =>
      `Si cette demande nécessite plus de temps, la personne doit être informée de la prolongation, avec ses motifs, au plus tard le ${date} (${when}). Passé ce jour, le délai ne peut plus être prolongé.`,
    unassigned:
      "Personne n’est chargé de cette demande\u00a0: vous recevez ce message en tant qu’administrateur. Attribuez-la pour qu’elle reçoive une réponse à temps.",
    open: "Ouvrir la demande",
  },
});

export const staffDeadlineReminderEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const t = text[locale];
    const about = t.subject(props, daysLeftPhrase(locale, props.daysLeft), inDaysPhrase(locale, props.daysLeft));
    return `[${props.companyName}] ${props.assignedToYou ? "" : t.unassignedTag}${about}`;
  },
  component: function StaffDeadlineReminderEmail(props) {
    const { locale, companyName, kind, reference, type, date, daysLeft, dueDate, extendBy, assignedToYou, requestUrl } = props;
    const t = text[locale];
    const formattedDate = formatEmailDate(date, locale);
    return (
      <StaffEmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedDate)} heading={t.heading(props)}>
        <Paragraph>
          {kind === "due"
            ? t.due(formattedDate, daysLeftPhrase(locale, daysLeft))
            : t.notice(formattedDate, inDaysPhrase(locale, daysLeft))}
        </Paragraph>
        {assignedToYou && kind === "due" && <Paragraph>{t.dueAssigned}</Paragraph>}
        {kind === "due" && extendBy && <Paragraph>{t.extendBy(formatEmailDate(extendBy, locale))}</Paragraph>}
        {!assignedToYou && <Paragraph>{t.unassigned}</Paragraph>}
        <StaffRequestPanel locale={locale} reference={reference} type={type} dueDate={dueDate} requestUrl={requestUrl} />
        <PrimaryButton href={requestUrl}>{t.open}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
