"use client";
// Not-found pages receive no props; the language comes from the URL's first segment.
import Link from "next/link";
import { useParams } from "next/navigation";
import { t } from "@/lib/i18n/messages.ts";
import { localeSchema } from "./actions.schema.ts";

export default function LocaleNotFound() {
  const locale = localeSchema.catch("en").parse(useParams<{ locale?: string }>()?.locale);
  const m = t(locale).notFound;
  return (
    <>
      <h1>{m.title}</h1>
      <p>{m.text}</p>
      <p>
        <Link href={`/${locale}`}>{m.home}</Link>
      </p>
    </>
  );
}
