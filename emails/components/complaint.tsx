import { z } from "zod";
import type { EmailLocale } from "./i18n.ts";
import { localized } from "./i18n.ts";
import { Paragraph, Subheading, TextLink } from "./parts.tsx";
import { webUrlSchema } from "./schemas.ts";

/** Where the person can complain, resolved for their jurisdiction (lib/requests/complaint-authorities.ts). */
export const complaintSchema = z.strictObject({
  authority: z.string().trim().min(1),
  url: webUrlSchema.optional(),
  kind: z.enum(["supervisory-authority", "regulator"]),
  appeal: z.boolean(),
});

export type ComplaintProps = z.output<typeof complaintSchema>;

const text = localized({
  en: {
    heading: "If you disagree",
    appeal: (reference: string) =>
      `You have the right to appeal this decision. To appeal, reply to this email and quote your reference ${reference}, saying why you think we are wrong. We will review the decision and tell you the outcome in writing.`,
    reconsider: (reference: string) =>
      `If you think we are wrong, you can reply to this email, quoting your reference ${reference}, and ask us to reconsider.`,
    supervisory: (authority: string) =>
      `You have the right to lodge a complaint with a data protection supervisory authority, in particular the one of the country where you live or work: ${authority}. You also have the right to seek a judicial remedy.`,
    regulator: (authority: string) => `You can also submit a complaint to ${authority}.`,
    regulatorAfterAppeal: (authority: string) =>
      `If we maintain our decision after your appeal, you can submit a complaint to ${authority}.`,
  },
  fr: {
    heading: "Si vous n’êtes pas d’accord",
    appeal: (reference: string) =>
      `Vous avez le droit de faire appel de cette décision. Pour cela, répondez à cet e-mail en indiquant votre référence ${reference} et pourquoi vous pensez que nous nous trompons. Nous réexaminerons la décision et vous communiquerons le résultat par écrit.`,
    reconsider: (reference: string) =>
      `Si vous pensez que nous nous trompons, vous pouvez répondre à cet e-mail, en indiquant votre référence ${reference}, pour nous demander de réexaminer notre décision.`,
    supervisory: (authority: string) =>
      `Vous avez le droit d’introduire une réclamation auprès d’une autorité de contrôle de la protection des données, notamment celle du pays où vous résidez ou travaillez\u00a0: ${authority}. Vous avez aussi le droit de former un recours juridictionnel.`,
    regulator: (authority: string) => `Vous pouvez aussi adresser une réclamation à ${authority}.`,
    regulatorAfterAppeal: (authority: string) =>
      `Si nous maintenons notre décision après votre appel, vous pouvez adresser une réclamation à ${authority}.`,
  },
});

/** The person's remedies against a refusal, in whole or in part (GDPR Art. 12(4); US appeal statutes). */
export function ComplaintSection({ locale, reference, complaint }: { locale: EmailLocale; reference: string; complaint: ComplaintProps }) {
  const t = text[locale];
  const complain =
    complaint.kind === "supervisory-authority"
      ? t.supervisory(complaint.authority)
      : complaint.appeal
        ? t.regulatorAfterAppeal(complaint.authority)
        : t.regulator(complaint.authority);
  return (
    <>
      <Subheading>{t.heading}</Subheading>
      <Paragraph>{complaint.appeal ? t.appeal(reference) : t.reconsider(reference)}</Paragraph>
      <Paragraph>{complain}</Paragraph>
      {complaint.url && (
        <Paragraph>
          <TextLink href={complaint.url} />
        </Paragraph>
      )}
    </>
  );
}
