// Opt-out, limit, restriction, objection done: what was switched off in each system.
import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { PREFERENCE_KINDS } from "../lib/connectors/connector.ts";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
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

export const preferenceAppliedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const t = emailTexts(locale, "preferenceApplied");
    return t("subject", { heading: t(`done.${props.kind}`), companyName: props.companyName, reference: props.reference });
  },
  component: function PreferenceAppliedEmail({ locale, companyName, reference, kind, sources, statusUrl }) {
    const t = emailTexts(locale, "preferenceApplied");
    const line = { ...styles.paragraph, margin: "4px 0" };
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t(`done.${kind}`)}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: kind }]} />
        <Subheading>{t("systemsHeading")}</Subheading>
        {sources.length === 0 && <Paragraph>{t("noSystems")}</Paragraph>}
        {sources.map((source, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
          <Section key={index} style={styles.panel}>
            <Text style={line}>
              <strong>{source.name}</strong>
            </Text>
            <Text style={line}>
              {source.rows === 0
                ? t("nothingFound")
                : source.categories.length > 0
                  ? t("changed", { count: source.rows, categories: source.categories.join(", ") })
                  : t("doneByTeam")}
            </Text>
          </Section>
        ))}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});
