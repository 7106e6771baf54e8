// Opt-out, limit, restriction, objection done: what was switched off in each system.
import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { PREFERENCE_KINDS } from "../lib/connectors/connector.ts";
import { defineEmailTemplate } from "./components/define-template.ts";
import { localized, plural } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, RequestList, StatusLinkSection, Subheading } from "./components/parts.tsx";
import { companyNameSchema, referenceSchema, webUrlSchema } from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  kind: z.enum(PREFERENCE_KINDS),
  /** Per system: the kinds of records (tables) where the setting was switched, and how many. */
  sources: z.array(z.strictObject({ name: z.string().trim().min(1), categories: z.array(z.string()), rows: z.number().int().min(0) })),
  statusUrl: webUrlSchema,
});

const text = localized({
  en: {
    done: {
      opt_out: "We have stopped selling or sharing your data",
      limit_sensitive: "We now use your sensitive data only to provide our service",
      restriction: "We have restricted the use of your data",
      objection: "We have stopped using your data as you objected",
    },
    subject: (heading: string, companyName: string, reference: string) => `${heading}: request ${reference} to ${companyName}`,
    preview: "Your request is done. Here is what we changed in each of our systems.",
    intro: "We have finished handling this request:",
    systemsHeading: "What we changed in each system",
    noSystems: "None of our systems held data about you for this request; nothing needed switching off.",
    changed: (count: number, categories: string) =>
      categories
        ? `Switched off on ${count.toLocaleString("en")} ${plural("en", count, { one: "record", other: "records" })} (${categories}).`
        : "Done by our team.",
    nothingFound: "No data about you was found here.",
    statusIntro: "The history of your request remains available on this page:",
  },
  fr: {
    done: {
      opt_out: "Nous ne vendons ni ne partageons plus vos données",
      limit_sensitive: "Nous n’utilisons plus vos données sensibles que pour fournir notre service",
      restriction: "Nous avons limité l’usage de vos données",
      objection: "Nous avons cessé d’utiliser vos données comme vous l’avez demandé",
    },
    subject: (heading: string, companyName: string, reference: string) => `${heading}\u00a0: demande ${reference} à ${companyName}`,
    preview: "Votre demande est traitée. Voici ce que nous avons modifié dans chacun de nos systèmes.",
    intro: "Nous avons terminé le traitement de cette demande\u00a0:",
    systemsHeading: "Ce que nous avons modifié dans chaque système",
    noSystems: "Aucun de nos systèmes ne contenait de données vous concernant pour cette demande\u00a0; rien n’était à désactiver.",
    changed: (count: number, categories: string) =>
      categories
        ? `Désactivé sur ${count.toLocaleString("fr")} ${plural("fr", count, { one: "enregistrement", other: "enregistrements" })} (${categories}).`
        : "Fait par notre équipe.",
    nothingFound: "Aucune donnée vous concernant n’a été trouvée ici.",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
  },
});

export const preferenceAppliedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(text[locale].done[props.kind], props.companyName, props.reference),
  component: function PreferenceAppliedEmail({ locale, companyName, reference, kind, sources, statusUrl }) {
    const t = text[locale];
    const line = { ...styles.paragraph, margin: "4px 0" };
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview} heading={t.done[kind]}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: kind }]} />
        <Subheading>{t.systemsHeading}</Subheading>
        {sources.length === 0 && <Paragraph>{t.noSystems}</Paragraph>}
        {sources.map((source, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
          <Section key={index} style={styles.panel}>
            <Text style={line}>
              <strong>{source.name}</strong>
            </Text>
            <Text style={line}>{source.rows > 0 ? t.changed(source.rows, source.categories.join(", ")) : t.nothingFound}</Text>
          </Section>
        ))}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});
