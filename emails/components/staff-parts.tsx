// Pieces of the emails to the privacy team (reminders, escalations, the digest). They name a
// request by its reference and right only: never the person's name or address, since these land in
// staff inboxes and the request page behind the link is where staff see the rest.
import { Section, Text } from "@react-email/components";
import type { ComponentProps } from "react";
import type { RequestType } from "../../lib/deadlines/types.ts";
import { type EmailLocale, formatEmailDate, localized, plural } from "./i18n.ts";
import { EmailLayout } from "./layout.tsx";
import { TextLink } from "./parts.tsx";
import { styles } from "./styles.ts";

const text = localized({
  en: {
    types: {
      access: "access",
      rectification: "rectification",
      erasure: "erasure",
      portability: "portability",
      opt_out: "opt-out",
      limit_sensitive: "limit sensitive data",
      restriction: "restriction",
      objection: "objection",
    },
    footer: (companyName: string) =>
      `You are receiving this email as a member of the privacy team at ${companyName}. An administrator sets the reminders in the staff settings.`,
    today: "today",
    inDays: (days: number) => `in ${days} ${plural("en", days, { one: "day", other: "days" })}`,
    dueToday: "due today",
    dueIn: (days: number) => `due in ${days} ${plural("en", days, { one: "day", other: "days" })}`,
    overdueBy: (days: number) => `${days} ${plural("en", days, { one: "day", other: "days" })} overdue`,
    due: "due",
    open: "Open the request:",
  },
  fr: {
    types: {
      access: "accès",
      rectification: "rectification",
      erasure: "effacement",
      portability: "portabilité",
      opt_out: "opposition à la vente",
      limit_sensitive: "limitation des données sensibles",
      restriction: "limitation du traitement",
      objection: "opposition",
    },
    footer: (companyName: string) =>
      `Vous recevez cet e-mail en tant que membre de l’équipe chargée de la protection des données chez ${companyName}. Un administrateur règle les rappels dans les paramètres de l’espace équipe.`,
    today: "aujourd’hui",
    inDays: (days: number) => `dans ${days} ${plural("fr", days, { one: "jour", other: "jours" })}`,
    dueToday: "échéance aujourd’hui",
    dueIn: (days: number) => `échéance dans ${days} ${plural("fr", days, { one: "jour", other: "jours" })}`,
    overdueBy: (days: number) => `en retard de ${days} ${plural("fr", days, { one: "jour", other: "jours" })}`,
    due: "échéance",
    open: "Ouvrir la demande\u00a0:",
  },
});

export function staffTypeLabel(locale: EmailLocale, type: RequestType): string {
  return text[locale].types[type];
}

/** The shared frame, with a footer saying why a member of the privacy team got the email. */
export function StaffEmailLayout(props: Omit<ComponentProps<typeof EmailLayout>, "footer">) {
  return <EmailLayout {...props} footer={text[props.locale].footer(props.companyName)} />;
}

/** "in 3 days" or "today" (days ahead, never negative). */
export function inDaysPhrase(locale: EmailLocale, days: number): string {
  return days === 0 ? text[locale].today : text[locale].inDays(days);
}

/** "due in 3 days", "due today", "2 days overdue" from the days left (negative when overdue). */
export function daysLeftPhrase(locale: EmailLocale, daysLeft: number): string {
  const t = text[locale];
  if (daysLeft === 0) return t.dueToday;
  return daysLeft > 0 ? t.dueIn(daysLeft) : t.overdueBy(-daysLeft);
}

/** The request a notice is about: reference, right, due date, and the link to its staff page. */
export function StaffRequestPanel(props: {
  locale: EmailLocale;
  reference: string;
  type: RequestType;
  dueDate: string;
  requestUrl: string;
}) {
  const t = text[props.locale];
  const separator = props.locale === "fr" ? "\u00a0: " : ": ";
  return (
    <Section style={styles.panel}>
      <Text style={{ ...styles.paragraph, margin: "4px 0" }}>
        <strong>{props.reference}</strong> ({staffTypeLabel(props.locale, props.type)}), {t.due}
        {separator}
        {formatEmailDate(props.dueDate, props.locale)}
      </Text>
      <Text style={{ ...styles.small, margin: "4px 0" }}>
        {t.open} <TextLink href={props.requestUrl} />
      </Text>
    </Section>
  );
}
