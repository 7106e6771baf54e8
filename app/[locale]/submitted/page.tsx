// "Check your email": the references just created, and the 6-digit code form (the right code opens
// the status page).
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/env.ts";
import { type LocaleParams, pageLocale } from "../_components/page-locale.ts";
import { VerifyCodePanel } from "../_components/verify-code-panel.tsx";
import { referenceListSchema } from "../actions.schema.ts";

type SubmittedProps = LocaleParams & { searchParams: Promise<{ ref?: string | string[] }> };

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicForm.submitted" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function SubmittedPage({ params, searchParams }: SubmittedProps) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "publicForm.submitted" });
  const common = await getTranslations({ locale, namespace: "publicCommon.common" });
  const { ref } = await searchParams;
  const references = referenceListSchema.safeParse(Array.isArray(ref) ? ref[0] : (ref ?? ""));
  const config = env();

  if (!references.success) {
    return (
      <>
        <h1>{t("title")}</h1>
        <p>{t("noReference")}</p>
        <p>
          <Link href={`/${locale}`}>{common("newRequestLink")}</Link>
        </p>
      </>
    );
  }
  const intro = (
    <>
      <h1>{t("title")}</h1>
      <p>{t("created", { count: references.data.length })}</p>
      <ul className="references">
        {references.data.map((reference) => (
          <li key={reference}>
            <strong>{reference}</strong>
          </li>
        ))}
      </ul>
      <p>{t("sent", { hours: config.VERIFICATION_TTL_HOURS })}</p>
      <p>{t("closesAfter", { days: config.VERIFY_WITHIN_DAYS, count: references.data.length })}</p>
    </>
  );
  return <VerifyCodePanel locale={locale} reference={references.data[0]} intro={intro} />;
}
