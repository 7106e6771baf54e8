// "What we collect and why", beside the request form (the full statement is /[locale]/privacy).
import Link from "next/link";
import { t } from "@/lib/i18n/messages.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";

export function CollectionNotice({ locale }: { locale: Locale }) {
  const m = t(locale).notice;
  return (
    <section className="notice" aria-labelledby="notice-title">
      <h2 id="notice-title">{m.title}</h2>
      <p>{m.intro}</p>
      <ul>
        <li>{m.email}</li>
        <li>{m.identity}</li>
        <li>{m.country}</li>
      </ul>
      <p>{m.retention}</p>
      <p>{m.marketing}</p>
      <p>
        <Link href={`/${locale}/privacy`}>{m.more}</Link>
      </p>
    </section>
  );
}
