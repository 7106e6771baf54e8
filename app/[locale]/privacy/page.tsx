// The full statement of what the portal itself collects, why, for how long, and the person's rights.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { env } from "@/lib/env.ts";
import { t } from "@/lib/i18n/messages.ts";
import { type LocaleParams, pageLocale } from "../_components/page-locale.ts";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  return { title: t(await pageLocale(params)).privacy.title };
}

export default async function PrivacyPage({ params }: LocaleParams) {
  await connection();
  const locale = await pageLocale(params);
  const m = t(locale).privacy;
  const config = env();
  return (
    <article className="prose">
      <h1>{m.title}</h1>
      <p className="lead">{m.intro(config.COMPANY_NAME)}</p>
      <h2>{m.collectTitle}</h2>
      <ul>
        {m.collect.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{m.whyTitle}</h2>
      <p>{m.why}</p>
      <h2>{m.whoTitle}</h2>
      <p>{m.who}</p>
      <h2>{m.keepTitle}</h2>
      <ul>
        {m.keep(config.VERIFY_WITHIN_DAYS).map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <h2>{m.securityTitle}</h2>
      <p>{m.security}</p>
      <h2>{m.rightsTitle}</h2>
      <p>{m.rights}</p>
      <p>
        <Link href={`/${locale}`} className="button">
          {m.formLink}
        </Link>
      </p>
    </article>
  );
}
