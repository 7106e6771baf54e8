import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
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

/** The title says what really happened: all erased, erased except what is kept, or nothing found. */
function outcomeOf(sources: Array<{ erased: number; retained: unknown[] }>): "erased" | "partly" | "nothing" {
  if (sources.some((source) => source.retained.length > 0)) return "partly";
  return sources.some((source) => source.erased > 0) ? "erased" : "nothing";
}

export const erasureCompletedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) =>
    emailTexts(locale, "erasureCompleted")(`subject.${outcomeOf(props.sources)}`, {
      companyName: props.companyName,
      reference: props.reference,
    }),
  component: function ErasureCompletedEmail({ locale, companyName, reference, sources, statusUrl }) {
    const t = emailTexts(locale, "erasureCompleted");
    const anyRetained = sources.some((source) => source.retained.length > 0);
    const line = { ...styles.paragraph, margin: "4px 0" };
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t(`heading.${outcomeOf(sources)}`)}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: "erasure" }]} />
        <Subheading>{t("systemsHeading")}</Subheading>
        {sources.length === 0 && <Paragraph>{t("noSystems")}</Paragraph>}
        {sources.map((source, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
          <Section key={index} style={styles.panel}>
            <Text style={line}>
              <strong>{source.name}</strong>
            </Text>
            <Text style={line}>
              {source.erased > 0
                ? t("erased", { count: source.erased })
                : source.retained.length > 0
                  ? t("nothingErased")
                  : t("nothingFound")}
            </Text>
            {source.retained.map((kept, keptIndex) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: retained categories have no identity but their position
              <Text key={keptIndex} style={line}>
                {t("kept", { category: kept.category, count: kept.rows })} {kept.reason ? `${t("reason")} ${kept.reason}` : t("noReason")}
              </Text>
            ))}
          </Section>
        ))}
        {anyRetained && (
          <>
            <Subheading>{t("keptHeading")}</Subheading>
            <Paragraph>{t("keptUse")}</Paragraph>
          </>
        )}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});
