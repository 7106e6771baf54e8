// The words for the data map's fixed vocabularies (taxonomy, legal bases, Art. 9 conditions,
// origins, recipient kinds, transfer safeguards, CCPA categories), in every language a person may
// read them in: the access answer and the record of processing show these, never the codes.
import type {
  DataCategory,
  DataMapLocale,
  dataCategories,
  dataOrigins,
  legalBases,
  recipientKinds,
  specialCategoryConditions,
  transferSafeguards,
} from "./data-map.schema.ts";

export type CcpaCategory = (typeof dataCategories)[DataCategory]["ccpa"];

export type DataMapLabels = {
  dataCategories: Record<DataCategory, string>;
  /** Cal. Civ. Code §1798.140(v)(1) categories, as the statute names them. */
  ccpaCategories: Record<CcpaCategory, string>;
  legalBases: Record<(typeof legalBases)[number], string>;
  specialCategoryConditions: Record<(typeof specialCategoryConditions)[number], string>;
  origins: Record<(typeof dataOrigins)[number], string>;
  recipientKinds: Record<(typeof recipientKinds)[number], string>;
  transferSafeguards: Record<(typeof transferSafeguards)[number], string>;
};

const en: DataMapLabels = {
  dataCategories: {
    identity: "Identity (name, date of birth, customer number)",
    contact: "Contact details (email, phone, postal address)",
    "online-identifiers": "Online identifiers (IP address, device and cookie identifiers)",
    "government-id": "Official identity documents and numbers",
    "account-credentials": "Account login details",
    financial: "Financial details (bank or card details)",
    transactions: "Purchases and transactions",
    behavioural: "Use of our website and services",
    communications: "Messages and correspondence with us",
    location: "Approximate location",
    "precise-location": "Precise location",
    "audio-visual": "Photos, audio and video",
    demographic: "Demographic details (age, gender)",
    professional: "Professional details (employer, job)",
    education: "Education",
    inferences: "Preferences and profiles we derived",
    children: "Data about children",
    health: "Health",
    genetic: "Genetic data",
    biometric: "Biometric data",
    "racial-ethnic-origin": "Racial or ethnic origin",
    "political-opinions": "Political opinions",
    "religious-beliefs": "Religious or philosophical beliefs",
    "trade-union": "Trade union membership",
    "sex-life-orientation": "Sex life or sexual orientation",
    "criminal-records": "Criminal convictions and offences",
  },
  ccpaCategories: {
    identifiers: "Identifiers",
    "customer-records": "Personal information in customer records (Cal. Civ. Code §1798.80(e))",
    commercial: "Commercial information",
    "internet-activity": "Internet or other electronic network activity",
    geolocation: "Geolocation data",
    sensory: "Audio, electronic, visual or similar information",
    "protected-characteristics": "Characteristics of protected classifications",
    professional: "Professional or employment-related information",
    education: "Education information",
    inferences: "Inferences drawn to create a profile",
    biometric: "Biometric information",
  },
  legalBases: {
    consent: "Your consent (GDPR Art. 6(1)(a))",
    contract: "A contract with you, or steps you asked for before one (GDPR Art. 6(1)(b))",
    "legal-obligation": "A legal obligation we must comply with (GDPR Art. 6(1)(c))",
    "vital-interests": "Protecting someone’s vital interests (GDPR Art. 6(1)(d))",
    "public-task": "A task in the public interest (GDPR Art. 6(1)(e))",
    "legitimate-interests": "Our legitimate interests (GDPR Art. 6(1)(f))",
  },
  specialCategoryConditions: {
    "explicit-consent": "Your explicit consent (GDPR Art. 9(2)(a))",
    "employment-social-security": "Employment and social security law (GDPR Art. 9(2)(b))",
    "vital-interests": "Protecting someone’s vital interests (GDPR Art. 9(2)(c))",
    "not-for-profit-members": "A not-for-profit body’s dealings with its members (GDPR Art. 9(2)(d))",
    "made-public-by-person": "Data you made public yourself (GDPR Art. 9(2)(e))",
    "legal-claims": "Establishing, exercising or defending legal claims (GDPR Art. 9(2)(f))",
    "substantial-public-interest": "Substantial public interest set by law (GDPR Art. 9(2)(g))",
    "health-care": "Health or social care (GDPR Art. 9(2)(h))",
    "public-health": "Public health (GDPR Art. 9(2)(i))",
    "archiving-research": "Archiving, research or statistics (GDPR Art. 9(2)(j))",
    "authorised-by-law": "Authorised by law under official authority (GDPR Art. 10)",
  },
  origins: {
    person: "You gave it to us",
    observed: "We recorded it as you used our services",
    inferred: "We derived it from other data about you",
    "third-party": "We received it from another organisation",
  },
  recipientKinds: {
    processor: "Service provider acting on our instructions",
    controller: "Organisation using it for its own purposes",
    "third-party-category": "Category of recipients",
    "public-authority": "Public authority",
  },
  transferSafeguards: {
    adequacy: "An adequacy decision of the European Commission (GDPR Art. 45)",
    "standard-contractual-clauses": "Standard contractual clauses approved by the European Commission (GDPR Art. 46(2)(c))",
    "binding-corporate-rules": "Binding corporate rules (GDPR Art. 47)",
    "code-of-conduct": "An approved code of conduct (GDPR Art. 46(2)(e))",
    certification: "An approved certification (GDPR Art. 46(2)(f))",
    derogation: "A derogation for a specific situation (GDPR Art. 49)",
  },
};

const fr: DataMapLabels = {
  dataCategories: {
    identity: "Identité (nom, date de naissance, numéro client)",
    contact: "Coordonnées (e-mail, téléphone, adresse postale)",
    "online-identifiers": "Identifiants en ligne (adresse IP, identifiants d’appareil et de cookies)",
    "government-id": "Pièces et numéros d’identité officiels",
    "account-credentials": "Identifiants de connexion au compte",
    financial: "Données financières (coordonnées bancaires ou de carte)",
    transactions: "Achats et transactions",
    behavioural: "Utilisation de notre site et de nos services",
    communications: "Messages et échanges avec nous",
    location: "Localisation approximative",
    "precise-location": "Localisation précise",
    "audio-visual": "Photos, enregistrements audio et vidéo",
    demographic: "Données démographiques (âge, genre)",
    professional: "Données professionnelles (employeur, poste)",
    education: "Formation",
    inferences: "Préférences et profils que nous avons déduits",
    children: "Données concernant des enfants",
    health: "Santé",
    genetic: "Données génétiques",
    biometric: "Données biométriques",
    "racial-ethnic-origin": "Origine raciale ou ethnique",
    "political-opinions": "Opinions politiques",
    "religious-beliefs": "Convictions religieuses ou philosophiques",
    "trade-union": "Appartenance syndicale",
    "sex-life-orientation": "Vie sexuelle ou orientation sexuelle",
    "criminal-records": "Condamnations pénales et infractions",
  },
  ccpaCategories: {
    identifiers: "Identifiants",
    "customer-records": "Informations personnelles des dossiers clients (Cal. Civ. Code §1798.80(e))",
    commercial: "Informations commerciales",
    "internet-activity": "Activité sur internet ou sur d’autres réseaux électroniques",
    geolocation: "Données de géolocalisation",
    sensory: "Informations audio, électroniques, visuelles ou similaires",
    "protected-characteristics": "Caractéristiques de catégories protégées",
    professional: "Informations professionnelles ou liées à l’emploi",
    education: "Informations sur la formation",
    inferences: "Déductions servant à établir un profil",
    biometric: "Informations biométriques",
  },
  legalBases: {
    consent: "Votre consentement (RGPD art. 6(1)(a))",
    contract: "Un contrat conclu avec vous, ou des mesures que vous avez demandées avant sa conclusion (RGPD art. 6(1)(b))",
    "legal-obligation": "Une obligation légale à laquelle nous sommes soumis (RGPD art. 6(1)(c))",
    "vital-interests": "La sauvegarde des intérêts vitaux d’une personne (RGPD art. 6(1)(d))",
    "public-task": "Une mission d’intérêt public (RGPD art. 6(1)(e))",
    "legitimate-interests": "Nos intérêts légitimes (RGPD art. 6(1)(f))",
  },
  specialCategoryConditions: {
    "explicit-consent": "Votre consentement explicite (RGPD art. 9(2)(a))",
    "employment-social-security": "Le droit du travail et de la sécurité sociale (RGPD art. 9(2)(b))",
    "vital-interests": "La sauvegarde des intérêts vitaux d’une personne (RGPD art. 9(2)(c))",
    "not-for-profit-members": "Les relations d’un organisme à but non lucratif avec ses membres (RGPD art. 9(2)(d))",
    "made-public-by-person": "Des données que vous avez vous-même rendues publiques (RGPD art. 9(2)(e))",
    "legal-claims": "La constatation, l’exercice ou la défense de droits en justice (RGPD art. 9(2)(f))",
    "substantial-public-interest": "Un intérêt public important prévu par la loi (RGPD art. 9(2)(g))",
    "health-care": "La santé ou la prise en charge sociale (RGPD art. 9(2)(h))",
    "public-health": "La santé publique (RGPD art. 9(2)(i))",
    "archiving-research": "L’archivage, la recherche ou la statistique (RGPD art. 9(2)(j))",
    "authorised-by-law": "Une autorisation légale sous le contrôle de l’autorité publique (RGPD art. 10)",
  },
  origins: {
    person: "Vous nous les avez communiquées",
    observed: "Nous les avons enregistrées lors de votre utilisation de nos services",
    inferred: "Nous les avons déduites d’autres données vous concernant",
    "third-party": "Nous les avons reçues d’un autre organisme",
  },
  recipientKinds: {
    processor: "Prestataire agissant sur nos instructions",
    controller: "Organisme qui les utilise pour ses propres finalités",
    "third-party-category": "Catégorie de destinataires",
    "public-authority": "Autorité publique",
  },
  transferSafeguards: {
    adequacy: "Une décision d’adéquation de la Commission européenne (RGPD art. 45)",
    "standard-contractual-clauses": "Des clauses contractuelles types approuvées par la Commission européenne (RGPD art. 46(2)(c))",
    "binding-corporate-rules": "Des règles d’entreprise contraignantes (RGPD art. 47)",
    "code-of-conduct": "Un code de conduite approuvé (RGPD art. 46(2)(e))",
    certification: "Une certification approuvée (RGPD art. 46(2)(f))",
    derogation: "Une dérogation pour une situation particulière (RGPD art. 49)",
  },
};

export const dataMapLabels: Record<DataMapLocale, DataMapLabels> = { en, fr };
