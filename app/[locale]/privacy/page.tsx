// The full statement of what the portal itself collects, why, for how long, and the person's rights.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/env.ts";
import { type LocaleParams, pageLocale } from "../_components/page-locale.ts";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicPrivacy" });
  return { title: t("title") };
}

/** What the portal collects, in the order the statement lists it. */
const collected = ["email", "identity", "country", "request", "address"] as const;

export default async function PrivacyPage({ params }: LocaleParams) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "publicPrivacy" });
  const config = env();
  return (
    <article className="prose">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { company: config.COMPANY_NAME })}</p>
      <h2>{t("collectTitle")}</h2>
      <ul>
        {collected.map((item) => (
          <li key={item}>{t(`collect.${item}`)}</li>
        ))}
      </ul>
      <h2>{t("whyTitle")}</h2>
      <p>{t("why")}</p>
      <h2>{t("whoTitle")}</h2>
      <p>{t("who")}</p>
      <h2>{t("keepTitle")}</h2>
      <ul>
        <li>{t("keep.confirm", { days: config.VERIFY_WITHIN_DAYS })}</li>
        <li>{t("keep.record")}</li>
        <li>{t("keep.files")}</li>
      </ul>
      <h2>{t("securityTitle")}</h2>
      <p>{t("security")}</p>
      <h2>{t("rightsTitle")}</h2>
      <p>{t("rights")}</p>
      <p>
        <Link href={`/${locale}`} className="button">
          {t("formLink")}
        </Link>
      </p>
    </article>
  );
}
