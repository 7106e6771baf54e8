// The language of a public page comes from its first path segment; any other value is a 404.
import { notFound } from "next/navigation";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import { localeSchema } from "../actions.schema.ts";

export type LocaleParams = { params: Promise<{ locale: string }> };

export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const parsed = localeSchema.safeParse((await params).locale);
  if (!parsed.success) notFound();
  return parsed.data;
}
