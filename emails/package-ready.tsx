import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts, formatEmailDate } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, StatusLinkSection, Subheading, TextLink } from "./components/parts.tsx";
import { calendarDateSchema, companyNameSchema, referenceSchema, webUrlSchema } from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const schema = z.strictObject({
  companyName: companyNameSchema,
  reference: referenceSchema,
  /** Only these two rights end with a package to download. */
  type: z.enum(["access", "portability"]),
  /** The one-off download page: a bearer credential, like the status link. */
  downloadUrl: webUrlSchema,
  /** The last day the link works; the package is deleted after it. */
  expiresOn: calendarDateSchema,
  maxDownloads: z.number().int().min(1),
  /** Every system searched, in the order the package lists them; 0 records means nothing was found there. */
  sources: z.array(z.strictObject({ name: z.string().trim().min(1), records: z.number().int().min(0) })),
  statusUrl: webUrlSchema,
  /** Access: per source and category found, what the data map says (lib/data-map/summarise-access-answer.ts). */
  answer: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        categories: z.array(
          z.strictObject({
            label: z.string().trim().min(1),
            described: z.boolean(),
            kinds: z.array(z.string()),
            purposes: z.array(z.string()),
            retention: z.string().nullable(),
            recipients: z.array(z.string()),
          }),
        ),
      }),
    )
    .optional(),
});

export const packageReadyEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => emailTexts(locale, "packageReady")("subject", { companyName: props.companyName, reference: props.reference }),
  component: function PackageReadyEmail(props) {
    const { locale, country, companyName, reference, type, downloadUrl, expiresOn, maxDownloads, sources, statusUrl, answer } = props;
    const t = emailTexts(locale, "packageReady");
    const formattedExpiry = formatEmailDate(expiresOn, locale, country);
    const separator = emailTexts(locale, "common")("separator");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview", { date: formattedExpiry })} heading={t("heading")}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t("contentsHeading")}</Subheading>
        <Paragraph>{t("indexPage")}</Paragraph>
        <Paragraph>{t("dataFiles")}</Paragraph>
        {type === "portability" && <Paragraph>{t("portable")}</Paragraph>}
        <Subheading>{t("systemsHeading")}</Subheading>
        {sources.length === 0 ? (
          <Paragraph>{t("noSystems")}</Paragraph>
        ) : (
          <>
            <Paragraph>{t("systemsIntro", { count: sources.length })}</Paragraph>
            <Section style={styles.panel}>
              {sources.map((source, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
                <Text key={index} style={{ ...styles.paragraph, margin: "4px 0" }}>
                  <strong>{source.name}</strong>
                  {separator}
                  {source.records === 0 ? t("nothingFound") : t("records", { count: source.records })}
                </Text>
              ))}
            </Section>
          </>
        )}
        {type === "access" && answer && answer.length > 0 && <AnswerSummary locale={locale} answer={answer} />}
        <Subheading>{t("downloadHeading")}</Subheading>
        <Paragraph>{t("limits", { date: formattedExpiry, count: maxDownloads })}</Paragraph>
        <PrimaryButton href={downloadUrl}>{t("button")}</PrimaryButton>
        <SmallPrint>{t("linkFallback")}</SmallPrint>
        <SmallPrint>
          <TextLink href={downloadUrl} />
        </SmallPrint>
        <Paragraph>{t("zip")}</Paragraph>
        <Paragraph>{t("deleted")}</Paragraph>
        <SmallPrint>{t("keepPrivate")}</SmallPrint>
        <Subheading>{t("problemsHeading")}</Subheading>
        <Paragraph>{t("missing", { reference })}</Paragraph>
        <Paragraph>{t("wrong")}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});

type Answer = NonNullable<z.output<typeof schema>["answer"]>;

/** Art. 15(1) in brief: per category found, the kinds of data, why, how long, who receives it. */
function AnswerSummary({ locale, answer }: { locale: "en" | "fr"; answer: Answer }) {
  const t = emailTexts(locale, "packageReady");
  const separator = emailTexts(locale, "common")("separator");
  const line = (term: string, value: string) => (
    <Text style={{ ...styles.paragraph, margin: "2px 0" }}>
      {term}
      {separator}
      {value}
    </Text>
  );
  return (
    <>
      <Subheading>{t("answerHeading")}</Subheading>
      <Paragraph>{t("answerIntro")}</Paragraph>
      {answer.map((source, sourceIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
        <Section key={sourceIndex} style={styles.panel}>
          <Text style={{ ...styles.paragraph, margin: "0 0 6px" }}>
            <strong>{source.name}</strong>
          </Text>
          {source.categories.map((category, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: labels may repeat; the list never reorders
            <Section key={index} style={{ margin: "0 0 10px" }}>
              <Text style={{ ...styles.paragraph, margin: "4px 0 2px" }}>
                <strong>{category.label}</strong>
              </Text>
              {category.described ? (
                <>
                  {line(t("kinds"), category.kinds.join(", "))}
                  {line(t("purposes"), category.purposes.join(", "))}
                  {category.retention && line(t("retention"), category.retention)}
                  {line(t("recipients"), category.recipients.length ? category.recipients.join(", ") : t("nobody"))}
                </>
              ) : (
                <Text style={{ ...styles.paragraph, margin: "2px 0" }}>{t("notDescribed")}</Text>
              )}
            </Section>
          ))}
        </Section>
      ))}
    </>
  );
}
