// The page the "your data is ready" email links to. Opening it downloads nothing (mail scanners
// open links); the button posts to /api/v1/downloads/{token}, which streams the file.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isAppError } from "@/lib/errors.ts";
import { getDownloadInfo } from "@/lib/fulfilment/open-download.ts";
import { formatDate } from "@/lib/i18n/format-date.ts";
import { pageLocale } from "../../_components/page-locale.ts";
import { DownloadForm } from "./download-form.tsx";

type DownloadProps = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: DownloadProps): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicStatus.download" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

const MEBIBYTE = 1_048_576;

async function load(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  try {
    return await getDownloadInfo(token);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

export default async function DownloadPage({ params }: DownloadProps) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const { token } = await params;
  const t = await getTranslations({ locale, namespace: "publicStatus.download" });
  const common = await getTranslations({ locale, namespace: "publicCommon.common" });
  const info = await load(token);
  // An unknown link answers 404 (./not-found.tsx says what to do), not a page that looks found.
  if (!info) notFound();
  if (!info.available) {
    return (
      <>
        <h1>{t("expiredTitle")}</h1>
        <p>{t("expiredText")}</p>
        <p>
          <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro", { reference: info.reference })}</p>
      <p aria-live="polite">
        {t("details", {
          date: formatDate(locale, info.expiresOn, { country: info.country, region: info.region }),
          left: info.downloadsLeft,
        })}
      </p>
      <p>
        {info.sizeBytes < MEBIBYTE
          ? t("sizeKb", { kb: Math.max(1, Math.round(info.sizeBytes / 1024)) })
          : t("sizeMb", { mb: info.sizeBytes / MEBIBYTE })}
      </p>
      <DownloadForm action={`/api/v1/downloads/${token}`} label={t("button")} />
      <p className="hint">{t("keepPrivate")}</p>
    </>
  );
}
