// The request form, with the short statement of what the portal collects beside it.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { listCorrectionChoices } from "@/lib/corrections/list-correction-choices.ts";
import { isJurisdictionCode, type JurisdictionCode } from "@/lib/deadlines/rules.ts";
import { env } from "@/lib/env.ts";
import { countryCodes, regionsByCountry } from "@/lib/geo/regions.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import { readVoluntaryRights } from "@/lib/requests/rights-offered.ts";
import { CollectionNotice } from "./_components/collection-notice.tsx";
import { type LocaleParams, pageLocale } from "./_components/page-locale.ts";
import { type Option, RequestForm } from "./_components/request-form.tsx";

export async function generateMetadata({ params }: LocaleParams): Promise<Metadata> {
  const t = await getTranslations({ locale: await pageLocale(params), namespace: "publicForm.form" });
  return { title: t("title") };
}

/** Country names in the page's language, sorted as a reader of that language expects. */
function countryOptions(locale: Locale): Option[] {
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const collator = new Intl.Collator(locale);
  return countryCodes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

function regionOptions(locale: Locale): Record<string, Option[]> {
  const collator = new Intl.Collator(locale);
  return Object.fromEntries(
    Object.entries(regionsByCountry).map(([country, regions]) => [
      country,
      regions.map((region) => ({ code: region.code, name: region[locale] })).sort((a, b) => collator.compare(a.name, b.name)),
    ]),
  );
}

function fallbackJurisdiction(): JurisdictionCode {
  const code = env().DEFAULT_JURISDICTION;
  return isJurisdictionCode(code) ? code : "EU_GDPR";
}

export default async function RequestPage({ params }: LocaleParams) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "publicForm.form" });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro", { company: env().COMPANY_NAME })}</p>
      <div className="form-layout">
        <CollectionNotice locale={locale} />
        <RequestForm
          locale={locale}
          countries={countryOptions(locale)}
          regions={regionOptions(locale)}
          correctionChoices={await listCorrectionChoices(locale)}
          fallbackJurisdiction={fallbackJurisdiction()}
          voluntaryRights={await readVoluntaryRights()}
          gpc={(await headers()).get("sec-gpc") === "1"}
        />
      </div>
    </>
  );
}
