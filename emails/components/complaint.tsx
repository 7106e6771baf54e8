import { z } from "zod";
import { type EmailLocale, emailTexts } from "./i18n.ts";
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

/** The person's remedies against a refusal, in whole or in part (GDPR Art. 12(4); US appeal statutes). */
export function ComplaintSection({ locale, reference, complaint }: { locale: EmailLocale; reference: string; complaint: ComplaintProps }) {
  const t = emailTexts(locale, "complaint");
  const complain =
    complaint.kind === "supervisory-authority"
      ? t("supervisory", { authority: complaint.authority })
      : complaint.appeal
        ? t("regulatorAfterAppeal", { authority: complaint.authority })
        : t("regulator", { authority: complaint.authority });
  return (
    <>
      <Subheading>{t("heading")}</Subheading>
      <Paragraph>{complaint.appeal ? t("appeal", { reference }) : t("reconsider", { reference })}</Paragraph>
      <Paragraph>{complain}</Paragraph>
      {complaint.url && (
        <Paragraph>
          <TextLink href={complaint.url} />
        </Paragraph>
      )}
    </>
  );
}
