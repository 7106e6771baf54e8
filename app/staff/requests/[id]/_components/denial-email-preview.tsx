// The email a refusal will send, as the person will read it (plain-text part), for staff to
// check before confirming. Shared by the request page and the dashboard's bulk deny. The email is
// in the person's language; what frames it is in the reader's.
import { useTranslations } from "next-intl";
import type { DenialEmailPreview } from "@/lib/requests/preview-denial-email.ts";

export function DenialEmailPreviewView({ preview, intro }: { preview: DenialEmailPreview; intro?: (language: string) => string }) {
  const t = useTranslations("staffRequest");
  const language = preview.locale === "en" || preview.locale === "fr" ? t(`language.${preview.locale}`) : preview.locale;
  return (
    <section className="email-preview" aria-labelledby={`email-preview-${preview.reference}`}>
      <h3 id={`email-preview-${preview.reference}`}>{intro ? intro(language) : t("deny.previewIntro", { language })}</h3>
      <p className="email-preview__subject">
        <strong>{t("deny.subject")}</strong> {preview.subject}
      </p>
      <div className="email-preview__text prewrap" lang={preview.locale}>
        {preview.text}
      </div>
    </section>
  );
}
