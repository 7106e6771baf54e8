// The root layout of the public pages: the page's language on <html>, a skip link, the header
// with the language switch, and the footer. The language is the URL's (setRequestLocale, so every
// server component reads it); client components get the public catalogue from NextIntlClientProvider.
import "../globals.css";
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { type ReactNode, Suspense } from "react";
import { env } from "@/lib/env.ts";
import { catalogues } from "@/lib/i18n/catalogue.ts";
import { LanguageSwitch, LanguageSwitchFallback } from "./_components/language-switch.tsx";
import { type LocaleParams, pageLocale } from "./_components/page-locale.ts";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  await connection();
  const locale = await pageLocale(params);
  const company = env().COMPANY_NAME;
  const t = await getTranslations({ locale, namespace: "publicCommon.layout" });
  const portal = t("portalName");
  return { title: { template: `%s · ${company}`, default: `${portal} · ${company}` } };
}

export default async function PublicLayout({ children, params }: LocaleParams & { children: ReactNode }) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "publicCommon.layout" });
  const company = env().COMPANY_NAME;
  // The client components of the public pages read only these parts of the catalogue.
  const { publicCommon, publicForm, publicStatus, validation } = catalogues[locale];
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider locale={locale} messages={{ publicCommon, publicForm, publicStatus, validation }}>
          <a href="#main" className="skip-link">
            {t("skipLink")}
          </a>
          <header className="site-header">
            <div className="container site-header__inner">
              <Link href={`/${locale}`} className="site-name">
                <span className="site-name__company">{company}</span>
                <span className="site-name__portal">{t("portalName")}</span>
              </Link>
              <nav aria-label={t("languageNav")}>
                <Suspense fallback={<LanguageSwitchFallback locale={locale} label={t("otherLanguageName")} />}>
                  <LanguageSwitch locale={locale} label={t("otherLanguageName")} />
                </Suspense>
              </nav>
            </div>
          </header>
          <main id="main" tabIndex={-1} className="container main">
            {children}
          </main>
          <footer className="site-footer">
            <div className="container">
              <nav aria-label={t("footerNav")}>
                <ul className="footer-links">
                  <li>
                    <Link href={`/${locale}`}>{t("newRequest")}</Link>
                  </li>
                  <li>
                    <Link href={`/${locale}/privacy`}>{t("privacyLink")}</Link>
                  </li>
                </ul>
              </nav>
              <p>{t("footerNote", { company })}</p>
            </div>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
