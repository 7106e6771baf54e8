// next-intl's request configuration. Public pages name their language in the URL and pass it
// (getTranslations({ locale })); staff pages have no language in the URL, so theirs is the member's
// (lib/i18n/staff-locale.ts). Times are on the controller's clock, as everywhere in the portal.
import { getRequestConfig } from "next-intl/server";
import { env } from "../env.ts";
import { catalogues, isLocale } from "./catalogue.ts";
import { staffLocale } from "./staff-locale.ts";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = requested && isLocale(requested) ? requested : await staffLocale();
  return { locale, messages: catalogues[locale], timeZone: env().CONTROLLER_TIME_ZONE };
});
