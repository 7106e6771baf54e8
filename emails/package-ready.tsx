import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { formatEmailDate, localized, plural } from "./components/i18n.ts";
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

const text = localized({
  en: {
    subject: (companyName: string, reference: string) => `Your data is ready to download: request ${reference} to ${companyName}`,
    heading: "Your data is ready to download",
    preview: (date: string) => `Your download link works until ${date}.`,
    intro: "We have finished gathering your personal data for this request:",
    contentsHeading: "What the package contains",
    indexPage:
      "A page called index.html that opens in any web browser: it explains, in plain words, what we found and what each piece of data means. Start there.",
    dataFiles:
      "For each of our systems, your data as JSON files (.json), for software, and as CSV files (.csv), which open in a spreadsheet program.",
    portable:
      "These JSON and CSV files use common formats: you can import them into another service, or give them to another company that accepts them.",
    systemsHeading: "Where we looked",
    systemsIntro: (count: number) => (count === 1 ? "We searched 1 system:" : `We searched ${count} systems:`),
    noSystems: "No system held data for this request.",
    records: (count: number) => `${count.toLocaleString("en")} ${plural("en", count, { one: "record", other: "records" })}`,
    nothingFound: "nothing found",
    downloadHeading: "Download your data",
    button: "Go to the download page",
    linkFallback: "If the button does not work, copy this address into your browser:",
    limits: (date: string, count: number) =>
      `The link works until ${date}, ${count === 1 ? "for one download only" : `for up to ${count} downloads`}.`,
    zip: "The file is a ZIP archive: save it, then open it on your computer to see its contents.",
    keepPrivate:
      "Keep this link private: anyone who has it can download your data. Do not forward this email, and keep the downloaded file somewhere safe.",
    deleted: "We delete the file from our servers after that date.",
    problemsHeading: "If something looks missing or wrong",
    missing: (reference: string) =>
      `If you think some of your data is missing, reply to this email and mention your reference ${reference}: we will look into it.`,
    wrong: "If some of your data is wrong or incomplete, you can make a rectification request to have it corrected.",
    statusIntro: "The history of your request remains available on this page:",
    answerHeading: "What we hold about you, and why",
    answerIntro:
      "In short, for each kind of record we found (index.html in the package gives the details, your data itself and your rights):",
    kinds: "Kinds of data",
    purposes: "Why",
    retention: "Kept",
    recipients: "Received by",
    nobody: "nobody outside our company",
    notDescribed: "We have not described this data yet: ask us, quoting your reference, if you want to know more.",
  },
  fr: {
    subject: (companyName: string, reference: string) =>
      `Vos données sont prêtes à être téléchargées\u00a0: demande ${reference} à ${companyName}`,
    heading: "Vos données sont prêtes à être téléchargées",
    preview: (date: string) => `Votre lien de téléchargement fonctionne jusqu’au ${date}.`,
    intro: "Nous avons fini de rassembler vos données personnelles pour cette demande\u00a0:",
    contentsHeading: "Le contenu du dossier",
    indexPage:
      "Une page nommée index.html, qui s’ouvre dans n’importe quel navigateur web\u00a0: elle explique simplement ce que nous avons trouvé et la signification de chaque donnée. Commencez par elle.",
    dataFiles:
      "Pour chacun de nos systèmes, vos données sous forme de fichiers JSON (.json), destinés aux logiciels, et de fichiers CSV (.csv), qui s’ouvrent dans un tableur.",
    portable:
      "Ces fichiers JSON et CSV sont dans des formats courants\u00a0: vous pouvez les importer dans un autre service, ou les transmettre à une autre entreprise qui les accepte.",
    systemsHeading: "Où nous avons cherché",
    systemsIntro: (count: number) =>
      count === 1 ? "Nous avons consulté 1 système\u00a0:" : `Nous avons consulté ${count} systèmes\u00a0:`,
    noSystems: "Aucun système ne contenait de données pour cette demande.",
    records: (count: number) => `${count.toLocaleString("fr")} ${plural("fr", count, { one: "enregistrement", other: "enregistrements" })}`,
    nothingFound: "aucune donnée trouvée",
    downloadHeading: "Télécharger vos données",
    button: "Accéder à la page de téléchargement",
    linkFallback: "Si le bouton ne fonctionne pas, copiez cette adresse dans votre navigateur\u00a0:",
    limits: (date: string, count: number) =>
      `Le lien fonctionne jusqu’au ${date}, ${count === 1 ? "pour un seul téléchargement" : `pour ${count} téléchargements au maximum`}.`,
    zip: "Le fichier est une archive ZIP\u00a0: enregistrez-la, puis ouvrez-la sur votre ordinateur pour en voir le contenu.",
    keepPrivate:
      "Gardez ce lien pour vous\u00a0: toute personne qui le possède peut télécharger vos données. Ne transférez pas cet e-mail et conservez le fichier téléchargé en lieu sûr.",
    deleted: "Nous supprimons le fichier de nos serveurs après cette date.",
    problemsHeading: "Si quelque chose semble manquer ou être inexact",
    missing: (reference: string) =>
      `Si vous pensez que certaines de vos données manquent, répondez à cet e-mail en indiquant votre référence ${reference}\u00a0: nous vérifierons.`,
    wrong:
      "Si certaines de vos données sont inexactes ou incomplètes, vous pouvez faire une demande de rectification pour les faire corriger.",
    statusIntro: "L’historique de votre demande reste consultable sur cette page\u00a0:",
    answerHeading: "Ce que nous détenons à votre sujet, et pourquoi",
    answerIntro:
      "En bref, pour chaque type d’enregistrement trouvé (la page index.html du dossier donne le détail, vos données elles-mêmes et vos droits)\u00a0:",
    kinds: "Types de données",
    purposes: "Pourquoi",
    retention: "Conservation",
    recipients: "Destinataires",
    nobody: "personne en dehors de notre entreprise",
    notDescribed:
      "Nous n’avons pas encore décrit ces données\u00a0: demandez-nous en indiquant votre référence si vous souhaitez en savoir plus.",
  },
});

export const packageReadyEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => text[locale].subject(props.companyName, props.reference),
  component: function PackageReadyEmail(props) {
    const { locale, country, companyName, reference, type, downloadUrl, expiresOn, maxDownloads, sources, statusUrl, answer } = props;
    const t = text[locale];
    const formattedExpiry = formatEmailDate(expiresOn, locale, country);
    const separator = locale === "fr" ? "\u00a0: " : ": ";
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t.preview(formattedExpiry)} heading={t.heading}>
        <Paragraph>{t.intro}</Paragraph>
        <RequestList locale={locale} requests={[{ reference, type }]} />
        <Subheading>{t.contentsHeading}</Subheading>
        <Paragraph>{t.indexPage}</Paragraph>
        <Paragraph>{t.dataFiles}</Paragraph>
        {type === "portability" && <Paragraph>{t.portable}</Paragraph>}
        <Subheading>{t.systemsHeading}</Subheading>
        {sources.length === 0 ? (
          <Paragraph>{t.noSystems}</Paragraph>
        ) : (
          <>
            <Paragraph>{t.systemsIntro(sources.length)}</Paragraph>
            <Section style={styles.panel}>
              {sources.map((source, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two systems may share a display name; the list never reorders
                <Text key={index} style={{ ...styles.paragraph, margin: "4px 0" }}>
                  <strong>{source.name}</strong>
                  {separator}
                  {source.records === 0 ? t.nothingFound : t.records(source.records)}
                </Text>
              ))}
            </Section>
          </>
        )}
        {type === "access" && answer && answer.length > 0 && <AnswerSummary locale={locale} answer={answer} />}
        <Subheading>{t.downloadHeading}</Subheading>
        <Paragraph>{t.limits(formattedExpiry, maxDownloads)}</Paragraph>
        <PrimaryButton href={downloadUrl}>{t.button}</PrimaryButton>
        <SmallPrint>{t.linkFallback}</SmallPrint>
        <SmallPrint>
          <TextLink href={downloadUrl} />
        </SmallPrint>
        <Paragraph>{t.zip}</Paragraph>
        <Paragraph>{t.deleted}</Paragraph>
        <SmallPrint>{t.keepPrivate}</SmallPrint>
        <Subheading>{t.problemsHeading}</Subheading>
        <Paragraph>{t.missing(reference)}</Paragraph>
        <Paragraph>{t.wrong}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} intro={t.statusIntro} />
      </EmailLayout>
    );
  },
});

type Answer = NonNullable<z.output<typeof schema>["answer"]>;

/** Art. 15(1) in brief: per category found, the kinds of data, why, how long, who receives it. */
function AnswerSummary({ locale, answer }: { locale: "en" | "fr"; answer: Answer }) {
  const t = text[locale];
  const separator = locale === "fr" ? "\u00a0: " : ": ";
  const line = (term: string, value: string) => (
    <Text style={{ ...styles.paragraph, margin: "2px 0" }}>
      {term}
      {separator}
      {value}
    </Text>
  );
  return (
    <>
      <Subheading>{t.answerHeading}</Subheading>
      <Paragraph>{t.answerIntro}</Paragraph>
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
                  {line(t.kinds, category.kinds.join(", "))}
                  {line(t.purposes, category.purposes.join(", "))}
                  {category.retention && line(t.retention, category.retention)}
                  {line(t.recipients, category.recipients.length ? category.recipients.join(", ") : t.nobody)}
                </>
              ) : (
                <Text style={{ ...styles.paragraph, margin: "2px 0" }}>{t.notDescribed}</Text>
              )}
            </Section>
          ))}
        </Section>
      ))}
    </>
  );
}
