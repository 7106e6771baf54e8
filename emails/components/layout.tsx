import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { type EmailLocale, emailTexts } from "./i18n.ts";
import { styles } from "./styles.ts";

type EmailLayoutProps = {
  locale: EmailLocale;
  companyName: string;
  /** The line inbox lists show next to the subject. */
  preview: string;
  heading: string;
  children: ReactNode;
  /** Why the reader got this email, when it is not the person (staff notices). */
  footer?: string;
};

/** The frame every message shares: language, company name, one heading, and why the person got it. */
export function EmailLayout({ locale, companyName, preview, heading, children, footer }: EmailLayoutProps) {
  const t = emailTexts(locale, "layout");
  return (
    <Html lang={locale} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.companyName}>{companyName}</Text>
          <Heading as="h1" style={styles.heading}>
            {heading}
          </Heading>
          {children}
          <Hr style={styles.hr} />
          <Text style={styles.footer}>{footer ?? t("why", { companyName })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
