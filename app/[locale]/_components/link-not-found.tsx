"use client";
// What a private link the portal does not know shows (404), in the link's language, with where to go
// next. Not-found pages get no props: the language is the URL's first segment.
import Link from "next/link";
import { useParams } from "next/navigation";
import { t } from "@/lib/i18n/messages.ts";
import { localeSchema } from "../actions.schema.ts";

export function LinkNotFound({ link }: { link: "status" | "download" }) {
  const locale = localeSchema.catch("en").parse(useParams<{ locale?: string }>()?.locale);
  const m = t(locale);
  return (
    <>
      <h1>{m[link].notFoundTitle}</h1>
      <p>{m[link].notFoundText}</p>
      <p>
        <Link href={`/${locale}`}>{m.common.newRequestLink}</Link>
      </p>
    </>
  );
}
