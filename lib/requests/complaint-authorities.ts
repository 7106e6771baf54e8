// Where a person can complain about a refusal, and whether the law gives them an appeal to us
// first. Told in every denial (GDPR Art. 12(4); the Virginia-model statutes' "instructions for
// how to appeal the decision"). Data, not logic: a new law or authority is a new row.
import type { Locale } from "./request-input.schema.ts";

type Text = string | { en: string; fr: string };

type Authority = { name: Text; url?: string };

export type ComplaintRoute = {
  /** The authority's name, in the person's language. */
  authority: string;
  url?: string;
  /**
   * "supervisory-authority": a data protection authority, with the right to a judicial remedy
   * beside it (GDPR Art. 77–79 and its equivalents); "regulator": the state officer who enforces
   * the privacy statute (US states), to whom a person may complain.
   */
  kind: "supervisory-authority" | "regulator";
  /** The law obliges the controller to offer an appeal of its refusal. */
  appeal: boolean;
};

/** Each EU/EEA country's authority; a person may complain where they live or work (GDPR Art. 77(1)). */
const euAuthorities: Record<string, Authority> = {
  AT: { name: "Österreichische Datenschutzbehörde (DSB)", url: "https://www.dsb.gv.at" },
  BE: { name: "Autorité de protection des données / Gegevensbeschermingsautoriteit", url: "https://www.autoriteprotectiondonnees.be" },
  BG: { name: "Commission for Personal Data Protection (CPDP)", url: "https://www.cpdp.bg" },
  HR: { name: "Agencija za zaštitu osobnih podataka (AZOP)", url: "https://azop.hr" },
  CY: { name: "Commissioner for Personal Data Protection", url: "https://www.dataprotection.gov.cy" },
  CZ: { name: "Úřad pro ochranu osobních údajů (ÚOOÚ)", url: "https://uoou.gov.cz" },
  DK: { name: "Datatilsynet", url: "https://www.datatilsynet.dk" },
  EE: { name: "Andmekaitse Inspektsioon", url: "https://www.aki.ee" },
  FI: { name: "Tietosuojavaltuutetun toimisto (Data Protection Ombudsman)", url: "https://tietosuoja.fi" },
  FR: { name: "Commission nationale de l’informatique et des libertés (CNIL)", url: "https://www.cnil.fr" },
  // Private companies answer to the authority of their Land; the federal commissioner lists them.
  DE: {
    name: {
      en: "the data protection authority of your Land, listed by the Federal Commissioner for Data Protection (BfDI)",
      fr: "l’autorité de protection des données de votre Land, dont la liste est publiée par le commissaire fédéral (BfDI)",
    },
    url: "https://www.bfdi.bund.de",
  },
  GR: { name: "Hellenic Data Protection Authority", url: "https://www.dpa.gr" },
  HU: { name: "Nemzeti Adatvédelmi és Információszabadság Hatóság (NAIH)", url: "https://naih.hu" },
  IE: { name: "Data Protection Commission", url: "https://www.dataprotection.ie" },
  IT: { name: "Garante per la protezione dei dati personali", url: "https://www.garanteprivacy.it" },
  LV: { name: "Datu valsts inspekcija", url: "https://www.dvi.gov.lv" },
  LT: { name: "Valstybinė duomenų apsaugos inspekcija", url: "https://vdai.lrv.lt" },
  LU: { name: "Commission nationale pour la protection des données (CNPD)", url: "https://cnpd.public.lu" },
  MT: { name: "Information and Data Protection Commissioner", url: "https://idpc.org.mt" },
  NL: { name: "Autoriteit Persoonsgegevens", url: "https://autoriteitpersoonsgegevens.nl" },
  PL: { name: "Urząd Ochrony Danych Osobowych (UODO)", url: "https://uodo.gov.pl" },
  PT: { name: "Comissão Nacional de Proteção de Dados (CNPD)", url: "https://www.cnpd.pt" },
  RO: {
    name: "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal (ANSPDCP)",
    url: "https://www.dataprotection.ro",
  },
  SK: { name: "Úrad na ochranu osobných údajov", url: "https://dataprotection.gov.sk" },
  SI: { name: "Informacijski pooblaščenec", url: "https://www.ip-rs.si" },
  ES: { name: "Agencia Española de Protección de Datos (AEPD)", url: "https://www.aepd.es" },
  SE: { name: "Integritetsskyddsmyndigheten (IMY)", url: "https://www.imy.se" },
  IS: { name: "Persónuvernd", url: "https://www.personuvernd.is" },
  LI: { name: "Datenschutzstelle", url: "https://www.datenschutzstelle.li" },
  NO: { name: "Datatilsynet", url: "https://www.datatilsynet.no" },
};

/** Territories with their own ISO code that fall under a member state's authority. */
const territoryOf: Record<string, string> = { AX: "FI", GF: "FR", GP: "FR", MQ: "FR", RE: "FR", YT: "FR", MF: "FR" };

const anyEuAuthority: Authority = {
  name: {
    en: "the data protection authority of the EU or EEA country where you live or work",
    fr: "l’autorité de protection des données du pays de l’UE ou de l’EEE où vous résidez ou travaillez",
  },
  url: "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en",
};

const nationalAuthorities: Record<string, Authority> = {
  UK_GDPR: { name: "Information Commissioner’s Office (ICO)", url: "https://ico.org.uk" },
  CA_QC: { name: "Commission d’accès à l’information du Québec", url: "https://www.cai.gouv.qc.ca" },
  CA_PIPEDA: {
    name: { en: "Office of the Privacy Commissioner of Canada", fr: "Commissariat à la protection de la vie privée du Canada" },
    url: "https://www.priv.gc.ca",
  },
  BR_LGPD: { name: "Autoridade Nacional de Proteção de Dados (ANPD)", url: "https://www.gov.br/anpd" },
  CH_FADP: {
    name: {
      en: "Federal Data Protection and Information Commissioner (FDPIC)",
      fr: "Préposé fédéral à la protection des données et à la transparence (PFPDT)",
    },
    url: "https://www.edoeb.admin.ch",
  },
};

const californiaAuthority: Authority = {
  name: {
    en: "the California Privacy Protection Agency or the California Attorney General",
    fr: "la California Privacy Protection Agency (agence californienne de protection de la vie privée) ou le procureur général de Californie",
  },
  url: "https://cppa.ca.gov",
};

/** State names, and in French with the preposition the name takes ("du Texas", "de Virginie"). */
const usStates: Record<string, { en: string; fr: string }> = {
  CO: { en: "Colorado", fr: "du Colorado" },
  CT: { en: "Connecticut", fr: "du Connecticut" },
  DE: { en: "Delaware", fr: "du Delaware" },
  FL: { en: "Florida", fr: "de Floride" },
  IA: { en: "Iowa", fr: "de l’Iowa" },
  IN: { en: "Indiana", fr: "de l’Indiana" },
  KY: { en: "Kentucky", fr: "du Kentucky" },
  MD: { en: "Maryland", fr: "du Maryland" },
  MN: { en: "Minnesota", fr: "du Minnesota" },
  MT: { en: "Montana", fr: "du Montana" },
  NE: { en: "Nebraska", fr: "du Nebraska" },
  NH: { en: "New Hampshire", fr: "du New Hampshire" },
  NJ: { en: "New Jersey", fr: "du New Jersey" },
  OR: { en: "Oregon", fr: "de l’Oregon" },
  RI: { en: "Rhode Island", fr: "du Rhode Island" },
  TN: { en: "Tennessee", fr: "du Tennessee" },
  TX: { en: "Texas", fr: "du Texas" },
  UT: { en: "Utah", fr: "de l’Utah" },
  VA: { en: "Virginia", fr: "de Virginie" },
};

/**
 * US statutes that oblige the controller to offer an appeal of a refusal. California's CCPA and
 * Utah's UCPA have none; every Virginia-model statute in rules-us-states.ts has one
 * (e.g. Va. Code §59.1-577(C), Colo. Rev. Stat. §6-1-1306(3), R.I. Gen. Laws §6-48.1-6(b)(2)).
 */
const usWithoutAppeal = new Set(["US_CA", "US_UT"]);

const anyAuthority: Authority = {
  name: {
    en: "the data protection authority of the country where you live",
    fr: "l’autorité de protection des données du pays où vous résidez",
  },
};

function inLocale(text: Text, locale: Locale): string {
  return typeof text === "string" ? text : text[locale];
}

function route(authority: Authority, locale: Locale, kind: ComplaintRoute["kind"], appeal: boolean): ComplaintRoute {
  return { authority: inLocale(authority.name, locale), ...(authority.url ? { url: authority.url } : {}), kind, appeal };
}

/** The complaint route for a request, from its jurisdiction and the country the person gave. */
export function complaintRouteFor(request: { jurisdiction: string; country: string }, locale: Locale): ComplaintRoute {
  const { jurisdiction } = request;
  if (jurisdiction === "EU_GDPR") {
    const country = request.country.trim().toUpperCase();
    return route(euAuthorities[territoryOf[country] ?? country] ?? anyEuAuthority, locale, "supervisory-authority", false);
  }
  const national = nationalAuthorities[jurisdiction];
  if (national) return route(national, locale, "supervisory-authority", false);
  if (jurisdiction === "US_CA") return route(californiaAuthority, locale, "regulator", false);
  const state = jurisdiction.startsWith("US_") ? usStates[jurisdiction.slice(3)] : undefined;
  if (state) {
    const name = { en: `the ${state.en} Attorney General`, fr: `le procureur général ${state.fr}` };
    return route({ name }, locale, "regulator", !usWithoutAppeal.has(jurisdiction));
  }
  return route(anyAuthority, locale, "supervisory-authority", false);
}
