import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isSsoRefusalReason } from "@/lib/auth/sso/sso-refusal.ts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staffAuth.sso");
  return { title: t("title") };
}

// Open to anyone: it only explains a refused single sign-on, from a fixed list of reasons.
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<{ reason?: string | string[] }> }) {
  const { reason } = await searchParams;
  const t = await getTranslations("staffAuth.sso");
  return (
    <div className="staff-narrow">
      <h1>{t("heading")}</h1>
      <p role="alert">{isSsoRefusalReason(reason) ? t(`reason.${reason}`) : t("unknown")}</p>
      <p>
        <Link href="/staff/sign-in">{t("back")}</Link>
      </p>
    </div>
  );
}
