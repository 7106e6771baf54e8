import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { type EmailLocale, formatEmailDate } from "./components/i18n.ts";
import { Paragraph, PrimaryButton, SmallPrint, Subheading, TextLink } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, requestTypeSchema, webUrlSchema } from "./components/schemas.ts";
import { daysLeftPhrase, StaffEmailLayout, staffEmailText, staffTypeLabel } from "./components/staff-parts.tsx";
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

function DigestList({ locale, title, section }: { locale: EmailLocale; title: string; section: DigestSection }) {
  const t = staffEmailText(locale);
  const hidden = section.total - section.items.length;
  return (
    <Section>
      <Subheading>{title}</Subheading>
      <SmallPrint>{t("staffEmails.digest.summary", { total: section.total, overdue: section.overdue })}</SmallPrint>
      <Section style={styles.panel}>
        {section.items.map((item) => (
          <Text key={item.reference} style={{ ...styles.paragraph, margin: "4px 0" }}>
            {t.rich("staffEmails.digest.item", {
              strong: (chunks) => <strong>{chunks}</strong>,
              reference: item.reference,
              type: staffTypeLabel(locale, item.type),
              when: daysLeftPhrase(locale, item.daysLeft),
              date: formatEmailDate(item.dueDate, locale),
            })}{" "}
            <TextLink href={item.requestUrl} />
          </Text>
        ))}
      </Section>
      {hidden > 0 && <Paragraph>{t("staffEmails.digest.more", { count: hidden })}</Paragraph>}
    </Section>
  );
}

export const staffDailyDigestEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const sections = [props.assigned, props.unassigned].filter((section) => section !== null);
    const total = sections.reduce((sum, section) => sum + section.total, 0);
    const overdue = sections.reduce((sum, section) => sum + section.overdue, 0);
    return `[${props.companyName}] ${staffEmailText(locale)("staffEmails.digest.subject", { total, overdue })}`;
  },
  component: function StaffDailyDigestEmail(props) {
    const { locale, companyName, date, windowDays, assigned, unassigned, dashboardUrl } = props;
    const t = staffEmailText(locale);
    const formattedDate = formatEmailDate(date, locale);
    return (
      <StaffEmailLayout
        locale={locale}
        companyName={companyName}
        preview={t("staffEmails.digest.preview", { date: formattedDate })}
        heading={t("staffEmails.digest.heading")}
      >
        <Paragraph>{t("staffEmails.digest.intro", { date: formattedDate, windowDays })}</Paragraph>
        {assigned && <DigestList locale={locale} title={t("staffEmails.digest.assigned")} section={assigned} />}
        {unassigned && <DigestList locale={locale} title={t("staffEmails.digest.unassigned")} section={unassigned} />}
        <PrimaryButton href={dashboardUrl}>{t("staffEmails.digest.open")}</PrimaryButton>
      </StaffEmailLayout>
    );
  },
});
