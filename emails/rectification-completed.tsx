import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, webUrlSchema } from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const fieldNameSchema = z.string().trim().min(1);

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  /** One entry per field a system corrected; `rows` 0 means the system had no record to change. */
  applied: z.array(z.strictObject({ source: z.string().trim().min(1), field: fieldNameSchema, rows: z.number().int().min(0) })),
  /** Fields the person asked to correct that no system could correct automatically: the privacy team takes them over. */
  notApplied: z.array(fieldNameSchema),
  statusUrl: webUrlSchema,
});

type Outcome = "complete" | "partial" | "manual";

function outcomeOf(props: { applied: unknown[]; notApplied: unknown[] }): Outcome {
  if (props.notApplied.length === 0) return "complete";
  return props.applied.length > 0 ? "partial" : "manual";
}

const text = localized({
  en: {
    /** The heading says how far the corrections went; the subject repeats it. */
    subject: (heading: string, companyName: string, reference: string) => `${heading}: request ${reference} to ${companyName}`,
    heading: {
      complete: "Your data has been corrected",
      partial: "Your data has been partly corrected",
      manual: "Your corrections are being reviewed",
    } satisfies Record<Outcome, string>,
    preview: {
      complete: "We have made the corrections you asked for.",
      partial: "We have made some of the corrections you asked for; our privacy team is handling the rest.",
      manual: "Our privacy team is handling the corrections you asked for and will write back to you.",
    } satisfies Record<Outcome, string>,
    intro: "We have processed this request:",
    appliedHeading: "What we corrected",
    appliedIntro: "Here are the corrections made in each of our systems:",
    noneApplied: "No system could make these corrections automatically.",
    nothingToDo: "There was nothing to correct in our systems.",
    rows: (count: number) =>
      count === 0
        ? "no record to change"
        : `${count.toLocaleString("en")} ${plural("en", count, { one: "record", other: "records" })} corrected`,
    pendingHeading: "Still being looked at",
    pendingIntro: "None of our systems could correct these fields automatically:",
    pendingNext: "Our privacy team is looking at them and will write back to you.",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    subject: (heading: string, companyName: string, reference: string) => `${heading}\u00a0: demande ${reference} à ${companyName}`,
    heading: {
      complete: "Vos données ont été rectifiées",
      partial: "Vos données ont été en partie rectifiées",
      manual: "Vos demandes de correction sont en cours d’examen",
    },
    preview: {
      complete: "Nous avons effectué les corrections que vous avez demandées.",
      partial:
        "Nous avons effectué une partie des corrections que vous avez demandées\u00a0; notre équipe chargée de la protection des données s’occupe du reste.",
      manual: "Notre équipe chargée de la protection des données s’occupe des corrections que vous avez demandées et vous écrira.",
    },
    intro: "Nous avons traité cette demande\u00a0:",
    appliedHeading: "Ce que nous avons corrigé",
    appliedIntro: "Voici les corrections effectuées dans chacun de nos systèmes\u00a0:",
    noneApplied: "Aucun système n’a pu effectuer ces corrections automatiquement.",
    nothingToDo: "Il n’y avait rien à corriger dans nos systèmes.",
    rows: (count: number) =>
      count === 0
        ? "aucun enregistrement à modifier"
        : plural("fr", count, {
            one: `${count.toLocaleString("fr")} enregistrement corrigé`,
            other: `${count.toLocaleString("fr")} enregistrements corrigés`,
          }),
    pendingHeading: "En cours d’examen",
    pendingIntro: "Aucun de nos systèmes n’a pu corriger automatiquement ces champs\u00a0:",
    pendingNext: "Notre équipe chargée de la protection des données les examine et vous écrira.",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

/** The corrections grouped by system, systems in the order they first appear. */
function bySource(applied: { source: string; field: string; rows: number }[]) {
  const groups = new Map<string, { field: string; rows: number }[]>();
  for (const { source, field, rows } of applied) {
    const fields = groups.get(source) ?? [];
    fields.push({ field, rows });
    groups.set(source, fields);
  }
  return [...groups];
}

export const rectificationCompletedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(text[locale].heading[outcomeOf(props)], props.companyName, props.reference),
  component: function RectificationCompletedEmail({ locale, companyName, reference, applied, notApplied, statusUrl }) {
    const t = text[locale];
    const outcome = outcomeOf({ applied, notApplied });
    const separator = locale === "fr" ? "\u00a0: " : ": ";
    const line = { ...styles.paragraph, margin: "4px 0" };
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview[outcome]} heading={t.heading[outcome]}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: "rectification" }]} />
        <Subheading>{t.appliedHeading}</Subheading>
        {applied.length === 0 ? (
          <Paragraph>{notApplied.length > 0 ? t.noneApplied : t.nothingToDo}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.appliedIntro}</Paragraph>
            {bySource(applied).map(([source, fields]) => (
              <Section key={source} style={styles.panel}>
                <Text style={line}>
                  <strong>{source}</strong>
                </Text>
                {fields.map(({ field, rows }, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a field may appear twice in one system; the list never reorders
                  <Text key={index} style={line}>
                    {field}
                    {separator}
                    {t.rows(rows)}
                  </Text>
                ))}
              </Section>
            ))}
          </>
        )}
        {notApplied.length > 0 && (
          <>
            <Subheading>{t.pendingHeading}</Subheading>
            <Paragraph>{t.pendingIntro}</Paragraph>
            <Section style={styles.panel}>
              {notApplied.map((field, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: field names have no identity but their position
                <Text key={index} style={line}>
                  {field}
                </Text>
              ))}
            </Section>
            <Paragraph>{t.pendingNext}</Paragraph>
          </>
        )}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
