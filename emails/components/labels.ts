import type { RequestType } from "../../lib/deadlines/types.ts";
import type { EmailLocale } from "./i18n.ts";

/**
 * Request types as a person would say them. They are shown after a reference ("DSAR-12: access to your
 * data") rather than inside a sentence, so French needs no elision ("demande d'accès" vs "de
 * rectification") and every label reads the same wherever it appears.
 */
const REQUEST_TYPE_LABELS: Record<EmailLocale, Record<RequestType, string>> = {
  en: {
    access: "access to your data",
    rectification: "correction of your data",
    erasure: "erasure of your data",
    portability: "a portable copy of your data",
    opt_out: "opt-out of the sale or sharing of your data",
    limit_sensitive: "limit the use of your sensitive data",
    restriction: "restriction of the use of your data",
    objection: "objection to the use of your data",
  },
  fr: {
    access: "accès à vos données",
    rectification: "rectification de vos données",
    erasure: "effacement de vos données",
    portability: "portabilité de vos données",
    opt_out: "opposition à la vente ou au partage de vos données",
    limit_sensitive: "limitation de l’usage de vos données sensibles",
    restriction: "limitation du traitement de vos données",
    objection: "opposition au traitement de vos données",
  },
};

export function requestTypeLabel(locale: EmailLocale, type: RequestType): string {
  return REQUEST_TYPE_LABELS[locale][type];
}
