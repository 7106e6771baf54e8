// The page the "your data is ready" email links to. Opening it downloads nothing (mail scanners
// open links); the button posts to /api/v1/downloads/{token}, which streams the file.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isAppError } from "@/lib/errors.ts";
import { getDownloadInfo } from "@/lib/fulfilment/open-download.ts";
import { formatDate, t } from "@/lib/i18n/messages.ts";
import { pageLocale } from "../../_components/page-locale.ts";
import { DownloadForm } from "./download-form.tsx";

type DownloadProps = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: DownloadProps): Promise<Metadata> {
  return { title: t(await pageLocale(params)).download.metaTitle, robots: { index: false, follow: false } };
}

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
  const { token } = await params;
  const m = t(locale);
  const info = await load(token);
  // An unknown link answers 404 (./not-found.tsx says what to do), not a page that looks found.
  if (!info) notFound();
  if (!info.available) {
    return (
      <>
        <h1>{m.download.expiredTitle}</h1>
        <p>{m.download.expiredText}</p>
        <p>
          <Link href={`/${locale}`}>{m.common.newRequestLink}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{m.download.title}</h1>
      <p>{m.download.intro(info.reference)}</p>
      <p aria-live="polite">
        {m.download.details(formatDate(locale, info.expiresOn, { country: info.country, region: info.region }), info.downloadsLeft)}
      </p>
      <p>{m.download.size(info.sizeBytes)}</p>
      <DownloadForm action={`/api/v1/downloads/${token}`} label={m.download.button} />
      <p className="hint">{m.download.keepPrivate}</p>
    </>
  );
}
