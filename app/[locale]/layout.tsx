// The root layout of the public pages: the page's language on <html>, a skip link, the header
// with the language switch, and the footer.
import "../globals.css";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { type ReactNode, Suspense } from "react";
import { env } from "@/lib/env.ts";
import { t } from "@/lib/i18n/messages.ts";
import { LanguageSwitch, LanguageSwitchFallback } from "./_components/language-switch.tsx";
import { type LocaleParams, pageLocale } from "./_components/page-locale.ts";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  await connection();
  const locale = await pageLocale(params);
  const company = env().COMPANY_NAME;
  const portal = t(locale).layout.portalName;
  return { title: { template: `%s · ${company}`, default: `${portal} · ${company}` } };
}

export default async function PublicLayout({ children, params }: LocaleParams & { children: ReactNode }) {
  await connection();
  const locale = await pageLocale(params);
  const m = t(locale).layout;
  const company = env().COMPANY_NAME;
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {m.skipLink}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link href={`/${locale}`} className="site-name">
              <span className="site-name__company">{company}</span>
              <span className="site-name__portal">{m.portalName}</span>
            </Link>
            <nav aria-label={m.languageNav}>
              <Suspense fallback={<LanguageSwitchFallback locale={locale} label={m.otherLanguageName} />}>
                <LanguageSwitch locale={locale} label={m.otherLanguageName} />
              </Suspense>
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <nav aria-label={m.footerNav}>
              <ul className="footer-links">
                <li>
                  <Link href={`/${locale}`}>{m.newRequest}</Link>
                </li>
                <li>
                  <Link href={`/${locale}/privacy`}>{m.privacyLink}</Link>
                </li>
              </ul>
            </nav>
            <p>{m.footerNote(company)}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
