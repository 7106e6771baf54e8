import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
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

export const rectificationCompletedEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => {
    const t = emailTexts(locale, "rectificationCompleted");
    return t("subject", {
      heading: t(`heading.${outcomeOf(props.corrections)}`),
      companyName: props.companyName,
      reference: props.reference,
    });
  },
  component: function RectificationCompletedEmail({ locale, companyName, reference, corrections, message, statusUrl }) {
    const t = emailTexts(locale, "rectificationCompleted");
    const outcome = outcomeOf(corrections);
    const separator = emailTexts(locale, "common")("separator");
    const line = { ...styles.paragraph, margin: "4px 0" };
    const done = corrections.filter((c) => c.state !== "not-corrected");
    const notDone = corrections.filter((c) => c.state === "not-corrected");
    const where = (c: (typeof corrections)[number]) =>
      c.state === "corrected-by-staff"
        ? t("byStaff")
        : c.places.map((place) => t("in", { source: place.source, category: place.category })).join(", ");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t(`preview.${outcome}`)} heading={t(`heading.${outcome}`)}>
        <Paragraph>{t("intro")}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type: "rectification" }]} />
        {done.length > 0 && (
          <>
            <Subheading>{t("doneHeading")}</Subheading>
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
            <Subheading>{t("notDoneHeading")}</Subheading>
            <Section style={styles.panel}>
              {notDone.map((c, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: corrections have no identity but their position
                <Text key={index} style={line}>
                  <strong>{c.label}</strong>
                  {separator}
                  {t("notCorrected")}
                </Text>
              ))}
            </Section>
          </>
        )}
        {message ? (
          <>
            <Paragraph>{t("messageIntro")}</Paragraph>
            <TypedTextPanel text={message} />
          </>
        ) : null}
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t("statusIntro")} />
      </EmailLayout>
    );
  },
});
