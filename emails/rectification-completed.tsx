import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading, TypedTextPanel } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, staffTextSchema, webUrlSchema } from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const name = z.string().trim().min(1).max(300);

/** Sent once every correction is settled (lib/corrections): nothing is pending any more. */
const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  /** Each correction asked for: its label (or the person's words), what became of it, and where a system made it. */
  corrections: z
    .array(
      z.strictObject({
        label: name,
        state: z.enum(["corrected", "corrected-by-staff", "not-corrected"]),
        places: z.array(z.strictObject({ source: name, category: name })),
      }),
    )
    .min(1),
  /** The privacy team's words when some could not be corrected: plain text. */
  message: staffTextSchema.nullable(),
  statusUrl: webUrlSchema,
});

type Outcome = "complete" | "partial" | "none";

function outcomeOf(corrections: Array<{ state: string }>): Outcome {
  const made = corrections.filter((c) => c.state !== "not-corrected").length;
  return made === corrections.length ? "complete" : made > 0 ? "partial" : "none";
}

const text = localized({
  en: {
    subject: (heading: string, companyName: string, reference: string) => `${heading}: request ${reference} to ${companyName}`,
    heading: {
      complete: "Your data has been corrected",
      partial: "Your data has been partly corrected",
      none: "We could not make the corrections you asked for",
    } satisfies Record<Outcome, string>,
    preview: {
      complete: "We have made every correction you asked for.",
      partial: "We have made some of the corrections you asked for; this email says which.",
      none: "We could not make the corrections you asked for; this email says why.",
    } satisfies Record<Outcome, string>,
    intro: "We have finished this request:",
    doneHeading: "What we corrected",
    notDoneHeading: "What we could not correct",
    in: (source: string, category: string) => `in ${source} (${category})`,
    byStaff: "corrected by our privacy team",
    notCorrected: "not corrected",
    messageIntro: "Our privacy team’s explanation:",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    subject: (heading: string, companyName: string, reference: string) => `${heading}\u00a0: demande ${reference} à ${companyName}`,
    heading: {
      complete: "Vos données ont été rectifiées",
      partial: "Vos données ont été en partie rectifiées",
      none: "Nous n’avons pas pu effectuer les corrections demandées",
    },
    preview: {
      complete: "Nous avons effectué toutes les corrections que vous avez demandées.",
      partial: "Nous avons effectué une partie des corrections demandées\u00a0; cet e-mail précise lesquelles.",
      none: "Nous n’avons pas pu effectuer les corrections demandées\u00a0; cet e-mail explique pourquoi.",
    },
    intro: "Nous avons terminé le traitement de cette demande\u00a0:",
    doneHeading: "Ce que nous avons corrigé",
    notDoneHeading: "Ce que nous n’avons pas pu corriger",
    in: (source: string, category: string) => `dans ${source} (${category})`,
    byStaff: "corrigé par notre équipe chargée de la protection des données",
    notCorrected: "non corrigé",
    messageIntro: "L’explication de notre équipe chargée de la protection des données\u00a0:",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

export const rectificationCompletedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(text[locale].heading[outcomeOf(props.corrections)], props.companyName, props.reference),
  component: function RectificationCompletedEmail({ locale, companyName, reference, corrections, message, statusUrl }) {
    const t = text[locale];
    const outcome = outcomeOf(corrections);
    const separator = locale === "fr" ? "\u00a0: " : ": ";
    const line = { ...styles.paragraph, margin: "4px 0" };
    const done = corrections.filter((c) => c.state !== "not-corrected");
    const notDone = corrections.filter((c) => c.state === "not-corrected");
    const where = (c: (typeof corrections)[number]) =>
      c.state === "corrected-by-staff" ? t.byStaff : c.places.map((place) => t.in(place.source, place.category)).join(", ");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview[outcome]} heading={t.heading[outcome]}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: "rectification" }]} />
        {done.length > 0 && (
          <>
            <Subheading>{t.doneHeading}</Subheading>
            <Section style={styles.panel}>
              {done.map((c, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their position
                <Text key={index} style={line}>
                  <strong>{c.label}</strong>
                  {separator}
                  {where(c)}
                </Text>
              ))}
            </Section>
          </>
        )}
        {notDone.length > 0 && (
          <>
            <Subheading>{t.notDoneHeading}</Subheading>
            <Section style={styles.panel}>
              {notDone.map((c, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their position
                <Text key={index} style={line}>
                  <strong>{c.label}</strong>
                  {separator}
                  {t.notCorrected}
                </Text>
              ))}
            </Section>
          </>
        )}
        {message ? (
          <>
            <Paragraph>{t.messageIntro}</Paragraph>
            <TypedTextPanel text={message} />
          </>
        ) : null}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
