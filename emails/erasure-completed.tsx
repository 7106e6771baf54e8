import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, webUrlSchema } from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const retainedSchema = z.strictObject({
  category: z.string().trim().min(1),
  rows: z.number().int().min(1),
  /**
   * Why the law lets or makes us keep it (a legal hold, an open invoice), as the system reported it:
   * plain text, shown escaped. May be empty if a system gave none; the email then says so.
   */
  reason: z.string().trim(),
});

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  sources: z.array(
    z.strictObject({
      name: z.string().trim().min(1),
      /** Rows deleted or anonymised. */
      erased: z.number().int().min(0),
      retained: z.array(retainedSchema),
    }),
  ),
  statusUrl: webUrlSchema,
});

const text = localized({
  en: {
    subject: {
      erased: (companyName: string, reference: string) => `Your data has been erased: request ${reference} to ${companyName}`,
      partly: (companyName: string, reference: string) =>
        `Your erasure request is done, and some data is kept: request ${reference} to ${companyName}`,
      nothing: (companyName: string, reference: string) => `We found no data about you to erase: request ${reference} to ${companyName}`,
    },
    heading: {
      erased: "Your data has been erased",
      partly: "Your data has been erased, except what we must keep",
      nothing: "We found no data about you to erase",
    },
    preview: "We have finished erasing your personal data. Here is what we did in each of our systems.",
    intro: "We have finished handling this request:",
    systemsHeading: "What we did in each system",
    noSystems: "No system held data for this request.",
    erased: (count: number) =>
      `${count.toLocaleString("en")} ${plural("en", count, { one: "record", other: "records" })} deleted or anonymised.`,
    nothingFound: "No data about you was found.",
    nothingErased: "Nothing was erased in this system.",
    kept: (category: string, count: number) =>
      `Data kept: ${category} (${count.toLocaleString("en")} ${plural("en", count, { one: "record", other: "records" })}).`,
    reason: "Reason:",
    noReason: "Reason: not stated by this system. Reply to this email and our privacy team will tell you.",
    keptHeading: "Why some data was kept",
    keptUse:
      "Where the law requires or allows us to keep some of your data, we keep only what is listed above. It is used only for the reason given, and we delete it when that obligation ends.",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    subject: {
      erased: (companyName: string, reference: string) => `Vos données ont été effacées\u00a0: demande ${reference} à ${companyName}`,
      partly: (companyName: string, reference: string) =>
        `Votre demande d’effacement est traitée, certaines données sont conservées\u00a0: demande ${reference} à ${companyName}`,
      nothing: (companyName: string, reference: string) =>
        `Nous n’avons trouvé aucune donnée vous concernant à effacer\u00a0: demande ${reference} à ${companyName}`,
    },
    heading: {
      erased: "Vos données ont été effacées",
      partly: "Vos données ont été effacées, sauf celles que nous devons conserver",
      nothing: "Nous n’avons trouvé aucune donnée vous concernant à effacer",
    },
    preview: "Nous avons fini d’effacer vos données personnelles. Voici ce que nous avons fait dans chacun de nos systèmes.",
    intro: "Nous avons terminé le traitement de cette demande\u00a0:",
    systemsHeading: "Ce que nous avons fait dans chaque système",
    noSystems: "Aucun système ne contenait de données pour cette demande.",
    erased: (count: number) =>
      plural("fr", count, {
        one: `${count.toLocaleString("fr")} enregistrement supprimé ou anonymisé.`,
        other: `${count.toLocaleString("fr")} enregistrements supprimés ou anonymisés.`,
      }),
    nothingFound: "Aucune donnée vous concernant n’a été trouvée.",
    nothingErased: "Rien n’a été effacé dans ce système.",
    kept: (category: string, count: number) =>
      `Données conservées\u00a0: ${category} (${count.toLocaleString("fr")} ${plural("fr", count, { one: "enregistrement", other: "enregistrements" })}).`,
    reason: "Motif\u00a0:",
    noReason:
      "Motif\u00a0: non indiqué par ce système. Répondez à cet e-mail et notre équipe chargée de la protection des données vous le communiquera.",
    keptHeading: "Pourquoi certaines données ont été conservées",
    keptUse:
      "Lorsque la loi nous impose ou nous permet de conserver certaines de vos données, nous ne gardons que ce qui est indiqué ci-dessus. Ces données ne sont utilisées que pour le motif indiqué, et nous les supprimons lorsque cette obligation prend fin.",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

/** The title says what really happened: all erased, erased except what is kept, or nothing found. */
function outcomeOf(sources: Array<{ erased: number; retained: unknown[] }>): "erased" | "partly" | "nothing" {
  if (sources.some((source) => source.retained.length > 0)) return "partly";
  return sources.some((source) => source.erased > 0) ? "erased" : "nothing";
}

export const erasureCompletedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject[outcomeOf(props.sources)](props.companyName, props.reference),
  component: function ErasureCompletedEmail({ locale, companyName, reference, sources, statusUrl }) {
    const t = text[locale];
    const anyRetained = sources.some((source) => source.retained.length > 0);
    const line = { ...styles.paragraph, margin: "4px 0" };
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.heading[outcomeOf(sources)]}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: "erasure" }]} />
        <Subheading>{t.systemsHeading}</Subheading>
        {sources.length === 0 && <Paragraph>{t.noSystems}</Paragraph>}
        {sources.map((source, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
          <Section key={index} style={styles.panel}>
            <Text style={line}>
              <strong>{source.name}</strong>
            </Text>
            <Text style={line}>
              {source.erased > 0 ? t.erased(source.erased) : source.retained.length > 0 ? t.nothingErased : t.nothingFound}
            </Text>
            {source.retained.map((kept, keptIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: retained categories have no identity but their position
              <Text key={keptIndex} style={line}>
                {t.kept(kept.category, kept.rows)} {kept.reason ? `${t.reason} ${kept.reason}` : t.noReason}
              </Text>
            ))}
          </Section>
        ))}
        {anyRetained && (
          <>
            <Subheading>{t.keptHeading}</Subheading>
            <Paragraph>{t.keptUse}</Paragraph>
          </>
        )}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
