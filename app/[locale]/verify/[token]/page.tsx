// The emailed confirmation link. Opening it verifies nothing (mail scanners open links): the
// person presses one button, which posts the token to confirmEmailAction.
import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { env } from "@/lib/env.ts";
import { ConfirmEmailForm } from "../../_components/confirm-email-form.tsx";
import { pageLocale } from "../../_components/page-locale.ts";
import { linkTokenSchema } from "../../actions.schema.ts";

type VerifyProps = { params: Promise<{ locale: string; token: string }> };

export async function generateMetadata({ params }: VerifyProps): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicForm.verify" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

export default async function VerifyPage({ params }: VerifyProps) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const token = linkTokenSchema.safeParse((await params).token);
  return <ConfirmEmailForm locale={locale} token={token.success ? token.data : null} expiresInHours={env().VERIFICATION_TTL_HOURS} />;
}
