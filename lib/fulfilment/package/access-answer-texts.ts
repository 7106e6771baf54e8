// The words of the access answer in index.html (GDPR Art. 15(1)-(2), CCPA §1798.110), in English and
// French. Plain text only: the page escapes every string, so none of these may carry markup.
import type { PackageLocale } from "./package-texts.ts";

export type AccessAnswerTexts = {
  technicalName: (category: string) => string;
  dataHeading: string;
  allShown: (count: number) => string;
  firstShown: (shown: number, total: number) => string;
  noneShown: (total: number) => string;
  fullFiles: string;
  emptyValue: string;
  yes: string;
  no: string;
  fieldsHeading: string;
  aboutHeading: string;
  kinds: string;
  purposes: string;
  legalBasis: string;
  specialCondition: string;
  legitimateInterests: string;
  retention: string;
  recipients: string;
  noRecipients: (company: string) => string;
  origin: string;
  automated: string;
  noAutomated: string;
  automatedLogic: string;
  automatedSignificance: string;
  recipientCountry: (country: string) => string;
  recipientSafeguard: (safeguard: string) => string;
  soldOrShared: string;
  notDescribed: (company: string) => string;
  controllerHeading: string;
  controllerIntro: (company: string) => string;
  address: string;
  contact: string;
  dpo: string;
  representative: string;
  noControllerDetails: string;
  rightsHeading: string;
  rights: (company: string) => string[];
  complaintHeading: string;
  complaintOwnAuthority: (authority: string) => string;
  complaintWhereYouLive: (authority: string) => string;
  complaintRegulator: (authority: string) => string;
  judicialRemedy: string;
  californiaHeading: string;
  californiaIntro: string;
  ccpaCategories: string;
  ccpaSources: string;
  ccpaPurposes: string;
  ccpaThirdParties: string;
  ccpaSold: string;
  ccpaSoldTo: (names: string) => string;
  ccpaNotSold: string;
  ccpaNotDescribed: string;
};

const en: AccessAnswerTexts = {
  technicalName: (category) => `Technical name: ${category}`,
  dataHeading: "Your data",
  allShown: (count) => (count === 1 ? "The 1 record we hold:" : `All ${count.toLocaleString("en")} records we hold:`),
  firstShown: (shown, total) =>
    `The first ${shown.toLocaleString("en")} of ${total.toLocaleString("en")} records; ${(total - shown).toLocaleString("en")} more are not shown here.`,
  noneShown: (total) => `${total.toLocaleString("en")} records: too many to show on this page.`,
  fullFiles: "Every record is in the files:",
  emptyValue: "(empty)",
  yes: "yes",
  no: "no",
  fieldsHeading: "What each field means",
  aboutHeading: "What we do with this data",
  kinds: "Kinds of data",
  purposes: "Why we use it",
  legalBasis: "Legal basis",
  specialCondition: "Condition for this sensitive data",
  legitimateInterests: "Our legitimate interests",
  retention: "How long we keep it",
  recipients: "Who receives it",
  noRecipients: (company) => `Nobody outside ${company}.`,
  origin: "Where it came from",
  automated: "Automated decisions",
  noAutomated: "No automated decision is made with this data.",
  automatedLogic: "How it works",
  automatedSignificance: "What it means for you",
  recipientCountry: (country) => `in ${country}`,
  recipientSafeguard: (safeguard) => `transfer outside the European Economic Area protected by ${lowerFirst(safeguard)}`,
  soldOrShared: "sold or shared (California law)",
  notDescribed: (company) =>
    `${company} has not described this data: why it is used, on what legal basis, how long it is kept and who receives it. You can ask us, using the contact details below.`,
  controllerHeading: "Who is responsible for your data",
  controllerIntro: (company) => `${company} decides why and how your personal data is used (the controller).`,
  address: "Address",
  contact: "Contact",
  dpo: "Data protection officer",
  representative: "Representative in the EU or UK",
  noControllerDetails: "Reply to the email that brought you this package to reach us.",
  rightsHeading: "Your rights",
  rights: (company) => [
    `Rectification: if some of this data is wrong or incomplete, you can ask ${company} to correct it (GDPR Art. 16).`,
    `Erasure: you can ask ${company} to erase your data where the law allows (GDPR Art. 17).`,
    "Restriction: you can ask us to limit the use of your data, for example while its accuracy is checked (GDPR Art. 18).",
    "Objection: you can object to a use based on our legitimate interests, and to direct marketing at any time (GDPR Art. 21).",
    "Portability: you can ask for the data you gave us in a reusable format, to take it elsewhere (GDPR Art. 20).",
    "Where we rely on your consent, you can withdraw it at any time; this does not affect what was done before (GDPR Art. 7(3)).",
  ],
  complaintHeading: "If you want to complain",
  complaintOwnAuthority: (authority) => `You can lodge a complaint with the supervisory authority responsible for us: ${authority},`,
  complaintWhereYouLive: (authority) => `You can also complain to the authority where you live or work: ${authority}.`,
  complaintRegulator: (authority) => `You can also submit a complaint to ${authority}.`,
  judicialRemedy: "You also have the right to seek a judicial remedy.",
  californiaHeading: "For California residents",
  californiaIntro:
    "What California law (Cal. Civ. Code §1798.110) asks us to tell you about the personal information we collected about you in the preceding 12 months:",
  ccpaCategories: "Categories of personal information",
  ccpaSources: "Categories of sources",
  ccpaPurposes: "Business or commercial purposes",
  ccpaThirdParties: "Categories of third parties we disclosed it to",
  ccpaSold: "Sold or shared",
  ccpaSoldTo: (names) => `We sold or shared personal information with: ${names}.`,
  ccpaNotSold: "We have not sold or shared your personal information.",
  ccpaNotDescribed: "Some of the data above is not yet described; the lists cover the data that is.",
};

const fr: AccessAnswerTexts = {
  technicalName: (category) => `Nom technique\u00a0: ${category}`,
  dataHeading: "Vos données",
  allShown: (count) =>
    count <= 1 ? `L’enregistrement que nous détenons\u00a0:` : `Les ${count.toLocaleString("fr")} enregistrements que nous détenons\u00a0:`,
  firstShown: (shown, total) =>
    `Les ${shown.toLocaleString("fr")} premiers enregistrements sur ${total.toLocaleString("fr")}\u00a0; les ${(total - shown).toLocaleString("fr")} autres ne sont pas affichés ici.`,
  noneShown: (total) => `${total.toLocaleString("fr")} enregistrements\u00a0: trop nombreux pour être affichés sur cette page.`,
  fullFiles: "Tous les enregistrements figurent dans les fichiers\u00a0:",
  emptyValue: "(vide)",
  yes: "oui",
  no: "non",
  fieldsHeading: "Signification de chaque champ",
  aboutHeading: "Ce que nous faisons de ces données",
  kinds: "Types de données",
  purposes: "Pourquoi nous les utilisons",
  legalBasis: "Base légale",
  specialCondition: "Condition pour ces données sensibles",
  legitimateInterests: "Nos intérêts légitimes",
  retention: "Durée de conservation",
  recipients: "Destinataires",
  noRecipients: (company) => `Personne en dehors de ${company}.`,
  origin: "Provenance",
  automated: "Décisions automatisées",
  noAutomated: "Aucune décision automatisée n’est prise à partir de ces données.",
  automatedLogic: "Fonctionnement",
  automatedSignificance: "Conséquences pour vous",
  recipientCountry: (country) => `pays\u00a0: ${country}`,
  recipientSafeguard: (safeguard) => `transfert hors de l’Espace économique européen encadré par ${lowerFirst(safeguard)}`,
  soldOrShared: "vente ou partage (droit californien)",
  notDescribed: (company) =>
    `${company} n’a pas décrit ces données\u00a0: pourquoi elles sont utilisées, sur quelle base légale, combien de temps elles sont conservées et qui les reçoit. Vous pouvez nous le demander aux coordonnées ci-dessous.`,
  controllerHeading: "Qui est responsable de vos données",
  controllerIntro: (company) =>
    `${company} décide pourquoi et comment vos données personnelles sont utilisées (responsable du traitement).`,
  address: "Adresse",
  contact: "Contact",
  dpo: "Délégué à la protection des données",
  representative: "Représentant dans l’UE ou au Royaume-Uni",
  noControllerDetails: "Pour nous joindre, répondez à l’e-mail qui vous a transmis ce dossier.",
  rightsHeading: "Vos droits",
  rights: (company) => [
    `Rectification\u00a0: si certaines de ces données sont inexactes ou incomplètes, vous pouvez demander à ${company} de les corriger (RGPD art. 16).`,
    `Effacement\u00a0: vous pouvez demander à ${company} d’effacer vos données dans les cas prévus par la loi (RGPD art. 17).`,
    "Limitation\u00a0: vous pouvez nous demander de limiter l’utilisation de vos données, par exemple le temps d’en vérifier l’exactitude (RGPD art. 18).",
    "Opposition\u00a0: vous pouvez vous opposer à une utilisation fondée sur nos intérêts légitimes, et à la prospection à tout moment (RGPD art. 21).",
    "Portabilité\u00a0: vous pouvez demander les données que vous nous avez fournies dans un format réutilisable, pour les transmettre ailleurs (RGPD art. 20).",
    "Lorsque nous nous fondons sur votre consentement, vous pouvez le retirer à tout moment, sans effet sur ce qui a été fait auparavant (RGPD art. 7(3)).",
  ],
  complaintHeading: "Si vous souhaitez vous plaindre",
  complaintOwnAuthority: (authority) =>
    `Vous pouvez introduire une réclamation auprès de ${authority}, l’autorité de contrôle dont nous relevons\u00a0:`,
  complaintWhereYouLive: (authority) =>
    `Vous pouvez aussi vous adresser à l’autorité du pays où vous résidez ou travaillez\u00a0: ${authority}.`,
  complaintRegulator: (authority) => `Vous pouvez aussi adresser une réclamation à ${authority}.`,
  judicialRemedy: "Vous avez aussi le droit de former un recours juridictionnel.",
  californiaHeading: "Pour les résidents de Californie",
  californiaIntro:
    "Ce que le droit californien (Cal. Civ. Code §1798.110) nous demande de vous indiquer sur les informations personnelles collectées à votre sujet au cours des 12 derniers mois\u00a0:",
  ccpaCategories: "Catégories d’informations personnelles",
  ccpaSources: "Catégories de sources",
  ccpaPurposes: "Finalités commerciales",
  ccpaThirdParties: "Catégories de tiers à qui nous les avons communiquées",
  ccpaSold: "Vente ou partage",
  ccpaSoldTo: (names) => `Nous avons vendu ou partagé des informations personnelles avec\u00a0: ${names}.`,
  ccpaNotSold: "Nous n’avons ni vendu ni partagé vos informations personnelles.",
  ccpaNotDescribed: "Certaines des données ci-dessus ne sont pas encore décrites\u00a0; ces listes portent sur celles qui le sont.",
};

/** The text with its first letter in lower case, for a label set inside a sentence. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

export const accessAnswerTexts: Record<PackageLocale, AccessAnswerTexts> = { en, fr };
