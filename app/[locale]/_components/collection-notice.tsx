// "What we collect and why", beside the request form (the full statement is /[locale]/privacy).
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/requests/request-input.schema.ts";

export function CollectionNotice({ locale }: { locale: Locale }) {
  const t = useTranslations("publicForm.notice");
  return (
    <section className="notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{t("title")}</h2>
      <p>{t("intro")}</p>
      <ul>
        <li>{t("email")}</li>
        <li>{t("identity")}</li>
        <li>{t("country")}</li>
      </ul>
      <p>{t("retention")}</p>
      <p>{t("marketing")}</p>
      <p>
        <Link href={`/${locale}/privacy`}>{t("more")}</Link>
      </p>
    </section>
  );
}
