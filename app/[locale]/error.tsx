"use client";
// An unexpected failure while rendering a public page: a plain message in the page's language.
// The server has already logged the error; its digest is the reference a person can quote.
import { useParams } from "next/navigation";
import { t } from "@/lib/i18n/messages.ts";
import { localeSchema } from "./actions.schema.ts";

export default function PublicPageError({ error }: { error: Error & { digest?: string } }) {
  const locale = localeSchema.catch("en").parse(useParams<{ locale?: string }>()?.locale);
  const m = t(locale);
  return (
    <div role="alert">
      <h1>{m.errors.pageFailedTitle}</h1>
      <p>{m.common.genericError(error.digest ?? "-")}</p>
    </div>
  );
}
