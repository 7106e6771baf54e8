"use client";
// What a private link the portal does not know shows (404), in the link's language, with where to go
// next. Not-found pages get no props: the language is the layout's (the URL's first segment).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";

export function LinkNotFound({ link }: { link: "status" | "download" }) {
  const locale = useLocale();
  const t = useTranslations("publicStatus");
  const common = useTranslations("publicCommon.common");
  return (
    <>
      <h1>{t(`${link}.notFoundTitle`)}</h1>
      <p>{t(`${link}.notFoundText`)}</p>
      <p>
        <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
      </p>
    </>
  );
}
