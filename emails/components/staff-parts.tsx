// Pieces of the emails to the privacy team (reminders, escalations, the digest). They name a
// request by its reference and right only: never the person's name or address, since these land in
// staff inboxes and the request page behind the link is where staff see the rest. Their words are
// the `staffEmails` catalogue (messages/<locale>/staff-emails.json), in the recipient's language.
import { Section, Text } from "@react-email/components";
import type { ComponentProps } from "react";
import type { RequestType } from "../../lib/deadlines/types.ts";
import { translator } from "../../lib/i18n/translator.ts";
import { type EmailLocale, formatEmailDate } from "./i18n.ts";
import { EmailLayout } from "./layout.tsx";
import { TextLink } from "./parts.tsx";
import { styles } from "./styles.ts";

/** The catalogue's translator for a staff email in `locale`. */
export function staffEmailText(locale: EmailLocale) {
  return translator(locale);
}

/** The right a request is about, as the staff pages name it (staffLabels.right). */
export function staffTypeLabel(locale: EmailLocale, type: RequestType): string {
  return translator(locale)(`staffLabels.right.${type.toUpperCase() as Uppercase<RequestType>}`);
}

/** The shared frame, with a footer saying why a member of the privacy team got the email. */
export function StaffEmailLayout(props: Omit<ComponentProps<typeof EmailLayout>, "footer">) {
  return <EmailLayout {...props} footer={translator(props.locale)("staffEmails.common.footer", { companyName: props.companyName })} />;
}

/** "in 3 days" or "today" (days ahead, never negative). */
export function inDaysPhrase(locale: EmailLocale, days: number): string {
  return translator(locale)("staffEmails.common.inDays", { days });
}

/** "due in 3 days", "due today", "2 days overdue" from the days left (negative when overdue). */
export function daysLeftPhrase(locale: EmailLocale, daysLeft: number): string {
  const t = translator(locale);
  return daysLeft >= 0 ? t("staffEmails.common.dueIn", { days: daysLeft }) : t("staffEmails.common.overdueBy", { days: -daysLeft });
}

/** The request a notice is about: reference, right, due date, and the link to its staff page. */
export function StaffRequestPanel(props: {
  locale: EmailLocale;
  reference: string;
  type: RequestType;
  dueDate: string;
  requestUrl: string;
}) {
  const t = translator(props.locale);
  return (
    <Section style={styles.panel}>
      <Text style={{ ...styles.paragraph, margin: "4px 0" }}>
        <strong>{props.reference}</strong> ({staffTypeLabel(props.locale, props.type)}),{" "}
        {t("staffEmails.common.panelDue", { date: formatEmailDate(props.dueDate, props.locale) })}
      </Text>
      <Text style={{ ...styles.small, margin: "4px 0" }}>
        {t("staffEmails.common.openRequestLink")} <TextLink href={props.requestUrl} />
      </Text>
    </Section>
  );
}
