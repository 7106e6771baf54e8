// "Check your email": the references just created, and the 6-digit code form (the right code opens
// the status page).
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env.ts";
import { t } from "@/lib/i18n/messages.ts";
import { type LocaleParams, pageLocale } from "../_components/page-locale.ts";
import { VerifyCodePanel } from "../_components/verify-code-panel.tsx";
import { referenceListSchema } from "../actions.schema.ts";

type SubmittedProps = LocaleParams & { searchParams: Promise<{ ref?: string | string[] }> };

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  return { title: t(await pageLocale(params)).submitted.title, robots: { index: false, follow: false } };
}

export default async function SubmittedPage({ params, searchParams }: SubmittedProps) {
  await connection();
  const locale = await pageLocale(params);
  const m = t(locale);
  const { ref } = await searchParams;
  const references = referenceListSchema.safeParse(Array.isArray(ref) ? ref[0] : (ref ?? ""));
  const config = env();

  if (!references.success) {
    return (
      <>
        <h1>{m.submitted.title}</h1>
        <p>{m.submitted.noReference}</p>
        <p>
          <Link href={`/${locale}`}>{m.common.newRequestLink}</Link>
        </p>
      </>
    );
  }
  const intro = (
    <>
      <h1>{m.submitted.title}</h1>
      <p>{m.submitted.created(references.data.length)}</p>
      <ul className="references">
        {references.data.map((reference) => (
          <li key={reference}>
            <strong>{reference}</strong>
          </li>
        ))}
      </ul>
      <p>{m.submitted.sent(config.VERIFICATION_TTL_HOURS)}</p>
      <p>{m.submitted.closesAfter(config.VERIFY_WITHIN_DAYS, references.data.length)}</p>
    </>
  );
  return <VerifyCodePanel locale={locale} reference={references.data[0]} intro={intro} />;
}
