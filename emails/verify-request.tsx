import { Section, Text } from "@react-email/components";
import { z } from "zod";
import { defineEmailTemplate } from "./components/define-template.ts";
import { emailTexts } from "./components/i18n.ts";
import { EmailLayout } from "./components/layout.tsx";
import { Paragraph, PrimaryButton, RequestList, SmallPrint, StatusLinkSection, Subheading, zipRequests } from "./components/parts.tsx";
import {
  companyNameSchema,
  requestGroupShape,
  typesMatchReferences,
  typesMatchReferencesIssue,
  webUrlSchema,
} from "./components/schemas.ts";
import { styles } from "./components/styles.ts";

const schema = z
  .strictObject({
    companyName: companyNameSchema,
    ...requestGroupShape,
    verifyUrl: webUrlSchema,
    code: z.string().regex(/^\d{6}$/, "must be 6 digits"),
    statusUrl: webUrlSchema,
    expiresInHours: z.number().int().positive(),
    /** Someone filed on the person's behalf (CCPA regs §7063(a)): the person confirms directly with us. */
    agent: z.strictObject({ name: z.string().trim().min(1), organisation: z.string().trim().min(1).optional() }).optional(),
  })
  .refine(typesMatchReferences, typesMatchReferencesIssue);

export const verifyRequestEmail = defineEmailTemplate({
  schema,
  subject: (locale, props) => emailTexts(locale, "verifyRequest")("subject", { companyName: props.companyName }),
  component: function VerifyRequestEmail({ locale, companyName, references, types, verifyUrl, code, statusUrl, expiresInHours, agent }) {
    const t = emailTexts(locale, "verifyRequest");
    return (
      <EmailLayout locale={locale} companyName={companyName} preview={t("preview")} heading={t("heading")}>
        <Paragraph>{t("intro", { count: references.length, companyName })}</Paragraph>
        <RequestList locale={locale} requests={zipRequests(references, types)} />
        {agent ? (
          <>
            <Subheading>{t("agentHeading")}</Subheading>
            <Paragraph>
              {agent.organisation
                ? t("agentFiledWithOrganisation", { name: agent.name, organisation: agent.organisation })
                : t("agentFiled", { name: agent.name })}
            </Paragraph>
            <Paragraph>{t("agentNotYou")}</Paragraph>
          </>
        ) : null}
        <Paragraph>{t("why")}</Paragraph>
        <PrimaryButton href={verifyUrl}>{t("button", { count: references.length })}</PrimaryButton>
        <Paragraph>{t("codeIntro")}</Paragraph>
        <Section style={styles.panel}>
          <Text style={styles.code}>{code}</Text>
        </Section>
        <Paragraph>{t("expires", { hours: expiresInHours })}</Paragraph>
        <StatusLinkSection locale={locale} statusUrl={statusUrl} />
        <SmallPrint>{t("notYou")}</SmallPrint>
      </EmailLayout>
    );
  },
});
