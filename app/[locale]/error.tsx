"use client";
// An unexpected failure while rendering a public page: a plain message in the page's language.
// The server has already logged the error; its digest is the reference a person can quote.
import { useTranslations } from "next-intl";

export default function PublicPageError({ error }: { error: Error & { digest?: string } }) {
  const t = useTranslations("publicCommon");
  return (
    <div role="alert">
      <h1>{t("errors.pageFailedTitle")}</h1>
      <p>{t("common.genericError", { reference: error.digest ?? "-" })}</p>
    </div>
  );
}
