// Renders a staff component to HTML as a page would, inside next-intl's provider with the catalogue
// of one language (English unless told), so tests read the words staff read.
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { catalogues, type Locale } from "@/lib/i18n/catalogue.ts";

export function renderStaff(element: ReactElement, locale: Locale = "en"): string {
  return renderToStaticMarkup(
    // biome-ignore lint/correctness/noChildrenProp: the provider's props type requires children (no JSX in a .ts file)
    createElement(NextIntlClientProvider, { locale, messages: catalogues[locale], timeZone: "Europe/Paris", children: element }),
  );
}
