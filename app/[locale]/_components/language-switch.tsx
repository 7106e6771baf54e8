"use client";
// A link to the same page in the other language. It goes through /language, which remembers the
// choice in the `locale` cookie (used when someone opens "/") and then redirects back here.
import { usePathname, useSearchParams } from "next/navigation";
import type { Locale } from "@/lib/requests/request-input.schema.ts";

type LanguageSwitchProps = { locale: Locale; label: string };

export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "fr" : "en";
}

export function LanguageSwitch({ locale, label }: LanguageSwitchProps) {
  const pathname = usePathname() ?? `/${locale}`;
  const search = useSearchParams()?.toString() ?? "";
  const other = otherLocale(locale);
  const samePage = pathname.replace(/^\/(en|fr)(?=\/|$)/, `/${other}`) + (search ? `?${search}` : "");
  return <SwitchLink other={other} next={samePage} label={label} />;
}

/** Without the current path (while suspended), the link leads to the other language's home. */
export function LanguageSwitchFallback({ locale, label }: LanguageSwitchProps) {
  const other = otherLocale(locale);
  return <SwitchLink other={other} next={`/${other}`} label={label} />;
}

function SwitchLink({ other, next, label }: { other: Locale; next: string; label: string }) {
  const href = `/language?to=${other}&next=${encodeURIComponent(next)}`;
  return (
    <a href={href} lang={other} hrefLang={other} className="language-switch">
      {label}
    </a>
  );
}
