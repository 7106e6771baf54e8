"use client";
// A status link the portal does not know (mistyped, cut, or from a request since deleted): 404, in
// the link's language, with what to do next. Not-found pages get no props: the language is the URL's.
import Link from "next/link";
import { useParams } from "next/navigation";
import { t } from "@/lib/i18n/messages.ts";
import { localeSchema } from "../../actions.schema.ts";

export default function StatusNotFound() {
  const locale = localeSchema.catch("en").parse(useParams<{ locale?: string }>()?.locale);
  const m = t(locale);
  return (
    <>
      <h1>{m.status.notFoundTitle}</h1>
      <p>{m.status.notFoundText}</p>
      <p>
        <Link href={`/${locale}`}>{m.common.newRequestLink}</Link>
      </p>
    </>
  );
}
