// The email a refusal will send, as the person will read it (plain-text part), for staff to
// check before confirming. Shared by the request page and the dashboard's bulk deny.
import type { DenialEmailPreview } from "@/lib/requests/preview-denial-email.ts";

const languages: Record<string, string> = { en: "English", fr: "French" };

export function DenialEmailPreviewView({ preview, intro }: { preview: DenialEmailPreview; intro?: string }) {
  return (
    <section className="email-preview" aria-labelledby={`email-preview-${preview.reference}`}>
      <h3 id={`email-preview-${preview.reference}`}>
        {intro ?? "The person will receive this email"} ({languages[preview.locale] ?? preview.locale})
      </h3>
      <p className="email-preview__subject">
        <strong>Subject:</strong> {preview.subject}
      </p>
      <div className="email-preview__text prewrap" lang={preview.locale}>
        {preview.text}
      </div>
    </section>
  );
}
