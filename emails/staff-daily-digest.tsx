import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { type EmailLocale, formatEmailDate, localized, plural } from "./components/i18n.ts";
import { Paragraph, PrimaryButton, SmallPrint, Subheading, TextLink } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, StaffEmailLayout, staffTypeLabel } from "./components/staff-parts.tsx";
import { styles } from "./components/styles.ts";

const itemSchema = z.strictObject({
  reference: referenceSchema,
  type: requestTypeSchema,
  dueDate: calendarDateSchema,
  /** Negative when overdue. */
  daysLeft: z.number().int(),
  requestUrl: webUrlSchema,
});

/** A list is capped (lib/reminders); the counts cover every request in the section. */
const sectionSchema = z.strictObject({
  total: z.number().int().min(1),
  overdue: z.number().int().min(0),
  items: z.array(itemSchema).min(1),
});

type DigestSection = z.output<typeof sectionSchema>;

/** Written by the digest sweep (lib/reminders/reminder-queries.ts): references and dates only. */
const schema = z
  .strictObject({
    companyName: companyNameSchema,
    /** The controller's local date the digest is for. */
    date: calendarDateSchema,
    windowDays: z.number().int().min(1),
    /** The reader's own open requests. */
    assigned: sectionSchema.nullable(),
    /** Admins only: the open requests nobody (active) is assigned to. */
    unassigned: sectionSchema.nullable(),
    dashboardUrl: webUrlSchema,
  })
  .refine((props) => props.assigned !== null || props.unassigned !== null, {
    path: ["assigned"],
    message: "a digest needs at least one section (assigned or unassigned)",
  });

const requestsWord = (locale: EmailLocale, count: number) =>
  locale === "en"
    ? plural(locale, count, { one: "request", other: "requests" })
    : plural(locale, count, { one: "demande", other: "demandes" });

const text = localized({
  en: {
    subject: (companyName: string, total: number, overdue: number) =>
      `[${companyName}] Due soon: ${total} ${requestsWord("en", total)}${overdue > 0 ? `, ${overdue} overdue` : ""}`,
    heading: "What is due",
    preview: (date: string) => `Your digest for ${date}.`,
    intro: (date: string, windowDays: number) =>
      `Open requests due within ${windowDays} days, or already overdue, on ${date}. Requests waiting for the person with the clock paused are not listed.`,
    assigned: "Assigned to you",
    unassigned: "Not assigned to anyone",
    summary: (total: number, overdue: number) => `${total} ${requestsWord("en", total)}, ${overdue} overdue.`,
    more: (count: number) => `And ${count} more: see the dashboard.`,
    open: "Open the requests",
  },
  fr: {
    subject: (companyName: string, total: number, overdue: number) =>
      `[${companyName}] Échéances proches\u00a0: ${total} ${requestsWord("fr", total)}${overdue > 0 ? `, dont ${overdue} en retard` : ""}`,
    heading: "Les échéances",
    preview: (date: string) => `Votre récapitulatif du ${date}.`,
    intro: (date: string, windowDays: number) =>
      `Demandes ouvertes dont l’échéance tombe dans les ${windowDays} jours, ou est dépassée, au ${date}. Les demandes en attente de la personne, délai suspendu, ne sont pas listées.`,
    assigned: "Qui vous sont attribuées",
    unassigned: "Attribuées à personne",
    summary: (total: number, overdue: number) => `${total} ${requestsWord("fr", total)}, dont ${overdue} en retard.`,
    more: (count: number) => `Et ${count} de plus\u00a0: voir le tableau de bord.`,
    open: "Ouvrir les demandes",
  },
});

function DigestList({ locale, title, section }: { locale: EmailLocale; title: string; section: DigestSection }) {
  const t = text[locale];
  const hidden = section.total - section.items.length;
  return (
    <Section>
      <Subheading>{title}</Subheading>
      <SmallPrint>{t.summary(section.total, section.overdue)}</SmallPrint>
      <Section style={styles.panel}>
        {section.items.map((item) => (
          <Text key={item.reference} style={{ ...styles.paragraph, margin: "4px 0" }}>
            <strong>{item.reference}</strong> ({staffTypeLabel(locale, item.type)}): {daysLeftPhrase(locale, item.daysLeft)},{" "}
            {formatEmailDate(item.dueDate, locale)}. <TextLink href={item.requestUrl} />
          </Text>
        ))}
      </Section>
      {hidden > 0 && <Paragraph>{t.more(hidden)}</Paragraph>}
    </Section>
  );
}

export const staffDailyDigestEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const sections = [props.assigned, props.unassigned].filter((section) => section !== null);
    const total = sections.reduce((sum, section) => sum + section.total, 0);
    const overdue = sections.reduce((sum, section) => sum + section.overdue, 0);
    return text[locale].subject(props.companyName, total, overdue);
  },
  component: function StaffDailyDigestEmail(props) {
    const { locale, companyName, date, windowDays, assigned, unassigned, dashboardUrl } = props;
    const t = text[locale];
    const formattedDate = formatEmailDate(date, locale);
    return (
      <StaffEmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedDate)} heading={t.heading}>
        <Paragraph>{t.intro(formattedDate, windowDays)}</Paragraph>
        {assigned && <DigestList locale={locale} title={t.assigned} section={assigned} />}
        {unassigned && <DigestList locale={locale} title={t.unassigned} section={unassigned} />}
        <PrimaryButton href={dashboardUrl}>{t.open}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
