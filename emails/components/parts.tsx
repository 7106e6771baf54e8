import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { Fragment, type ReactNode } from "react";
import type { RequestType } from "../../lib/deadlines/types.ts";
import { type EmailLocale, emailTexts } from "./i18n.ts";
import { requestTypeLabel } from "./labels.ts";
import { styles } from "./styles.ts";

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.paragraph}>{children}</Text>;
}

export function SmallPrint({ children }: { children: ReactNode }) {
  return <Text style={styles.small}>{children}</Text>;
}

export function Subheading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.subheading}>
      {children}
    </Heading>
  );
}

export function PrimaryButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={styles.buttonRow}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

export function TextLink({ href }: { href: string }) {
  return (
    <Link href={href} style={styles.link}>
      {href}
    </Link>
  );
}

/**
 * Text someone typed (a question, a reason). React escapes it, so markup in it shows as characters;
 * line breaks become <br> because `white-space: pre-wrap` is ignored by several email clients.
 */
export function TypedTextPanel({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <Section style={styles.panel}>
      <Text style={{ ...styles.paragraph, margin: 0 }}>
        {lines.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no identity but their position, and never reorder
          <Fragment key={index}>
            {index > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </Text>
    </Section>
  );
}

/** One line per right: the reference the person will quote to us, then what they asked for. */
export function RequestList({ locale, requests }: { locale: EmailLocale; requests: { reference: string; type: RequestType }[] }) {
  const t = emailTexts(locale, "requestList");
  const separator = emailTexts(locale, "common")("separator");
  return (
    <Section style={styles.panel}>
      {requests.map(({ reference, type }) => (
        <Text key={reference} style={{ ...styles.paragraph, margin: "4px 0" }}>
          {t("reference")} <strong>{reference}</strong>
          {separator}
          {requestTypeLabel(locale, type)}
        </Text>
      ))}
    </Section>
  );
}

export function zipRequests(references: string[], types: RequestType[]) {
  return references.map((reference, index) => ({ reference, type: types[index] }));
}

/** The status link is a bearer credential, so it is never shown without the warning that goes with it. */
export function StatusLinkSection({
  locale,
  statusUrl,
  intro,
}: {
  locale: EmailLocale;
  statusUrl: string;
  /** Replaces the default "follow, answer or withdraw" line where those no longer apply. */
  intro?: string;
}) {
  const t = emailTexts(locale, "statusLink");
  return (
    <Section>
      <Subheading>{t("heading")}</Subheading>
      <Paragraph>{intro ?? t("intro")}</Paragraph>
      <Paragraph>
        <TextLink href={statusUrl} />
      </Paragraph>
      <SmallPrint>{t("keepPrivate")}</SmallPrint>
    </Section>
  );
}
