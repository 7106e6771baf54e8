// The words for every code of the data map, in English and French: the taxonomy of data
// categories, legal bases, Art. 9(2) conditions, origins, kinds of recipient, transfer safeguards,
// countries and retention periods; the CCPA's categories for a California answer. The record of processing and the person's access answer both
// read them from here, so a code is never shown raw and both say the same thing.
import {
  type DataCategory,
  type DataMapCategory,
  type DataMapLocale,
  type dataCategories,
  type dataOrigins,
  type legalBases,
  type recipientKinds,
  type specialCategoryConditions,
  textIn,
  type transferSafeguards,
} from "./data-map.schema.ts";

type Labels<Code extends string> = Record<Code, Record<DataMapLocale, string>>;

export const dataCategoryLabels: Labels<DataCategory> = {
  identity: { en: "Identity (name, date of birth)", fr: "Identité (nom, date de naissance)" },
  contact: { en: "Contact details (email, phone, postal address)", fr: "Coordonnées (e-mail, téléphone, adresse postale)" },
  "online-identifiers": {
    en: "Online identifiers (IP address, cookies, device IDs)",
    fr: "Identifiants en ligne (adresse IP, cookies, identifiants d'appareil)",
  },
  "government-id": {
    en: "Government identifiers (ID card, passport, tax number)",
    fr: "Identifiants officiels (carte d'identité, passeport, numéro fiscal)",
  },
  "account-credentials": { en: "Account credentials (login, password)", fr: "Identifiants de compte (identifiant, mot de passe)" },
  financial: { en: "Financial data (bank account, payment card)", fr: "Données financières (compte bancaire, carte de paiement)" },
  transactions: { en: "Purchases and transactions", fr: "Achats et transactions" },
  behavioural: { en: "Browsing and use of our services", fr: "Navigation et utilisation de nos services" },
  communications: { en: "Messages and correspondence", fr: "Messages et correspondance" },
  location: { en: "Approximate location", fr: "Localisation approximative" },
  "precise-location": { en: "Precise location", fr: "Localisation précise" },
  "audio-visual": { en: "Photos, audio and video recordings", fr: "Photos, enregistrements audio et vidéo" },
  demographic: { en: "Demographic data (age range, gender)", fr: "Données démographiques (tranche d'âge, genre)" },
  professional: { en: "Professional or employment data", fr: "Données professionnelles" },
  education: { en: "Education data", fr: "Données de formation" },
  inferences: { en: "Inferences and profiles", fr: "Déductions et profils" },
  children: { en: "Data about children", fr: "Données concernant des enfants" },
  health: { en: "Health data", fr: "Données de santé" },
  genetic: { en: "Genetic data", fr: "Données génétiques" },
  biometric: { en: "Biometric data used to identify a person", fr: "Données biométriques servant à identifier une personne" },
  "racial-ethnic-origin": { en: "Racial or ethnic origin", fr: "Origine raciale ou ethnique" },
  "political-opinions": { en: "Political opinions", fr: "Opinions politiques" },
  "religious-beliefs": { en: "Religious or philosophical beliefs", fr: "Convictions religieuses ou philosophiques" },
  "trade-union": { en: "Trade union membership", fr: "Appartenance syndicale" },
  "sex-life-orientation": { en: "Sex life or sexual orientation", fr: "Vie sexuelle ou orientation sexuelle" },
  "criminal-records": { en: "Criminal convictions and offences", fr: "Condamnations pénales et infractions" },
};

export const legalBasisLabels: Labels<(typeof legalBases)[number]> = {
  consent: { en: "Consent (GDPR Art. 6(1)(a))", fr: "Consentement (RGPD art. 6(1)(a))" },
  contract: { en: "Performance of a contract (Art. 6(1)(b))", fr: "Exécution d'un contrat (art. 6(1)(b))" },
  "legal-obligation": { en: "Legal obligation (Art. 6(1)(c))", fr: "Obligation légale (art. 6(1)(c))" },
  "vital-interests": { en: "Vital interests (Art. 6(1)(d))", fr: "Intérêts vitaux (art. 6(1)(d))" },
  "public-task": { en: "Public interest or official authority (Art. 6(1)(e))", fr: "Mission d'intérêt public (art. 6(1)(e))" },
  "legitimate-interests": { en: "Legitimate interests (Art. 6(1)(f))", fr: "Intérêts légitimes (art. 6(1)(f))" },
};

export const specialCategoryConditionLabels: Labels<(typeof specialCategoryConditions)[number]> = {
  "explicit-consent": { en: "Explicit consent (Art. 9(2)(a))", fr: "Consentement explicite (art. 9(2)(a))" },
  "employment-social-security": {
    en: "Employment and social security law (Art. 9(2)(b))",
    fr: "Droit du travail et de la sécurité sociale (art. 9(2)(b))",
  },
  "vital-interests": { en: "Vital interests (Art. 9(2)(c))", fr: "Intérêts vitaux (art. 9(2)(c))" },
  "not-for-profit-members": {
    en: "Members of a not-for-profit body (Art. 9(2)(d))",
    fr: "Membres d'un organisme à but non lucratif (art. 9(2)(d))",
  },
  "made-public-by-person": { en: "Made public by the person (Art. 9(2)(e))", fr: "Rendues publiques par la personne (art. 9(2)(e))" },
  "legal-claims": { en: "Legal claims (Art. 9(2)(f))", fr: "Droits en justice (art. 9(2)(f))" },
  "substantial-public-interest": { en: "Substantial public interest (Art. 9(2)(g))", fr: "Intérêt public important (art. 9(2)(g))" },
  "health-care": { en: "Health or social care (Art. 9(2)(h))", fr: "Soins de santé ou protection sociale (art. 9(2)(h))" },
  "public-health": { en: "Public health (Art. 9(2)(i))", fr: "Santé publique (art. 9(2)(i))" },
  "archiving-research": {
    en: "Archiving, research or statistics (Art. 9(2)(j))",
    fr: "Archives, recherche ou statistiques (art. 9(2)(j))",
  },
  "authorised-by-law": { en: "Authorised by law (Art. 10)", fr: "Autorisé par la loi (art. 10)" },
};

export const dataOriginLabels: Labels<(typeof dataOrigins)[number]> = {
  person: { en: "Given by the person", fr: "Fournies par la personne" },
  observed: { en: "Observed as the person uses our services", fr: "Observées lors de l'utilisation de nos services" },
  inferred: { en: "Inferred from other data", fr: "Déduites d'autres données" },
  "third-party": { en: "Received from a third party", fr: "Reçues d'un tiers" },
};

export const recipientKindLabels: Labels<(typeof recipientKinds)[number]> = {
  processor: { en: "Processor (acts on our instructions)", fr: "Sous-traitant (agit sur nos instructions)" },
  controller: { en: "Another controller", fr: "Autre responsable du traitement" },
  "third-party-category": { en: "Category of recipients", fr: "Catégorie de destinataires" },
  "public-authority": { en: "Public authority", fr: "Autorité publique" },
};

export const transferSafeguardLabels: Labels<(typeof transferSafeguards)[number]> = {
  adequacy: { en: "Adequacy decision (Art. 45)", fr: "Décision d'adéquation (art. 45)" },
  "standard-contractual-clauses": {
    en: "Standard contractual clauses (Art. 46(2)(c))",
    fr: "Clauses contractuelles types (art. 46(2)(c))",
  },
  "binding-corporate-rules": { en: "Binding corporate rules (Art. 47)", fr: "Règles d'entreprise contraignantes (art. 47)" },
  "code-of-conduct": { en: "Approved code of conduct (Art. 46(2)(e))", fr: "Code de conduite approuvé (art. 46(2)(e))" },
  certification: { en: "Approved certification (Art. 46(2)(f))", fr: "Certification approuvée (art. 46(2)(f))" },
  derogation: { en: "Derogation for a specific situation (Art. 49)", fr: "Dérogation pour une situation particulière (art. 49)" },
};

export type CcpaCategory = (typeof dataCategories)[DataCategory]["ccpa"];

/** Cal. Civ. Code §1798.140(v)(1) categories, as a California access answer names them (§1798.110). */
export const ccpaCategoryLabels: Labels<CcpaCategory> = {
  identifiers: { en: "Identifiers", fr: "Identifiants" },
  "customer-records": {
    en: "Personal information in customer records (Cal. Civ. Code §1798.80(e))",
    fr: "Informations personnelles des dossiers clients (Cal. Civ. Code §1798.80(e))",
  },
  commercial: { en: "Commercial information", fr: "Informations commerciales" },
  "internet-activity": {
    en: "Internet or other electronic network activity",
    fr: "Activité sur internet ou sur d'autres réseaux électroniques",
  },
  geolocation: { en: "Geolocation data", fr: "Données de géolocalisation" },
  sensory: { en: "Audio, electronic, visual or similar information", fr: "Informations audio, électroniques, visuelles ou similaires" },
  "protected-characteristics": {
    en: "Characteristics of protected classifications",
    fr: "Caractéristiques de catégories protégées",
  },
  professional: { en: "Professional or employment-related information", fr: "Informations professionnelles ou liées à l'emploi" },
  education: { en: "Education information", fr: "Informations sur la formation" },
  inferences: { en: "Inferences drawn to create a profile", fr: "Déductions servant à établir un profil" },
  biometric: { en: "Biometric information", fr: "Informations biométriques" },
};

/** The label of a code in a language; an unknown code is returned as it is (never thrown on). */
export function labelOf<Code extends string>(labels: Labels<Code>, code: Code, locale: DataMapLocale): string {
  return (labels as Record<string, Record<DataMapLocale, string>>)[code]?.[locale] ?? code;
}

/** A country's name from its ISO 3166-1 code ("US" → "United States", "États-Unis"). */
export function countryName(code: string, locale: DataMapLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const durationUnits = [
  ["Y", "year"],
  ["M", "month"],
  ["W", "week"],
  ["D", "day"],
] as const;

/** An ISO 8601 duration of the data map (P10Y, P6M, P1Y6M) in words: "10 years", "1 an et 6 mois". */
export function durationInWords(period: string, locale: DataMapLocale): string {
  const parts = durationUnits.flatMap(([letter, unit]) => {
    const found = new RegExp(`(\\d+)${letter}`).exec(period.replace(/^P/, ""));
    if (!found) return [];
    return [new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(Number(found[1]))];
  });
  return parts.length ? new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(parts) : period;
}

/** A retention rule as a sentence: the text given, or "10 years from the date of the invoice". */
export function retentionInWords(retention: DataMapCategory["retention"], locale: DataMapLocale): string {
  if (typeof retention === "string" || !("period" in retention)) return textIn(retention, locale);
  const from = textIn(retention.from, locale);
  return locale === "fr"
    ? `${durationInWords(retention.period, locale)} à compter de ${from}`
    : `${durationInWords(retention.period, locale)} from ${from}`;
}
