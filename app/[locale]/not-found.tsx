"use client";
// Not-found pages receive no props; the language is the layout's (the URL's first segment).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

export default function LocaleNotFound() {
  const locale = useLocale();
  const t = useTranslations("publicCommon.notFound");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("text")}</p>
      <p>
        <Link href={`/${locale}`}>{t("home")}</Link>
      </p>
    </>
  );
}
