// The words of index.html, the page a person opens first in their data package, in English and French.
// Plain text only: the page escapes every string, so none of these may carry markup.

export type PackageLocale = "en" | "fr";
export type PackageRequestType = "access" | "portability";

/** Every string of the page; French is typed against the same shape, so no text can be missing. */
export type PackageTexts = {
  title: (company: string) => string;
  intro: (company: string, requestType: PackageRequestType) => string;
  requestTypeName: Record<PackageRequestType, string>;
  reference: string;
  requestType: string;
  generatedAt: string;
  systemsHeading: string;
  systemsIntro: (count: number) => string;
  noDataAnywhere: string;
  noDataInSystem: string;
  category: string;
  records: string;
  files: string;
  documents: string;
  recordCount: (count: number) => string;
  fieldsHeading: (category: string) => string;
  field: string;
  meaning: string;
  noMeaning: string;
  formatsHeading: string;
  formatsJson: string;
  formatsCsv: string;
  formatsManifest: string;
  /** How values are written, the same in JSON and CSV. */
  formatsValues: string;
  rightsHeading: string;
  rights: (company: string) => string[];
  keepSafe: string;
};

export const en: PackageTexts = {
  title: (company) => `Your personal data held by ${company}`,
  intro: (company, requestType) =>
    requestType === "access"
      ? `You asked ${company} for a copy of your personal data. This package contains everything we found about you in our systems.`
      : `You asked ${company} for your personal data in a format you can reuse. This package contains everything we found about you in our systems, in formats other software can read.`,
  requestTypeName: { access: "Access to your data", portability: "Data portability" },
  reference: "Request reference",
  requestType: "Request",
  generatedAt: "Package created on",
  systemsHeading: "Where we looked",
  systemsIntro: (count) => (count === 1 ? "We searched 1 system:" : `We searched ${count} systems:`),
  noDataAnywhere: "We found no data about you in any of our systems.",
  noDataInSystem: "No data about you was found in this system.",
  category: "Kind of data",
  records: "Records",
  files: "Files",
  documents: "Documents from this system",
  recordCount: (count) => (count === 1 ? "1 record" : `${count.toLocaleString("en")} records`),
  fieldsHeading: (category) => `What the fields of “${category}” mean`,
  field: "Field",
  meaning: "Meaning",
  noMeaning: "No description",
  formatsHeading: "How to open these files",
  formatsJson:
    "The JSON files (.json) hold your data exactly as it is stored, including nested details. They suit other software and services: this is the format to give another company if you want to move your data.",
  formatsCsv:
    "The CSV files (.csv) hold the same data as a table, one row per record, and open in a spreadsheet program such as Excel or LibreOffice Calc. Details made of several parts are shown as JSON text in one cell. A value that starts with = + - or @ is shown with a leading apostrophe so the spreadsheet cannot run it as a formula.",
  formatsValues:
    'Dates and times are written in ISO 8601 with the precision the system stored (2026-01-05T10:00:00.123456Z; Z means UTC), durations in ISO 8601 too (P1DT2H), amounts and other exact numbers as text so that no digit is lost ("19.90"), and binary content in Base64.',
  formatsManifest:
    "The file manifest.json lists every file of this package with its SHA-256 fingerprint, so you can check that nothing was changed, and names for software the format of each field written as text (an exact number, a date and time…).",
  rightsHeading: "Your rights",
  rights: (company) => [
    `If some of this data is wrong or incomplete, you can ask ${company} to correct it.`,
    `You can ask ${company} to erase your data, or to stop or limit its use, where the law allows.`,
    "You can ask for your data in a reusable format to take it to another company (data portability).",
    "If you are not satisfied with our answer, you can complain to your data protection authority.",
  ],
  keepSafe: "This package contains personal data: keep it somewhere safe, and delete it when you no longer need it.",
};

export const fr: PackageTexts = {
  title: (company) => `Vos données personnelles détenues par ${company}`,
  intro: (company, requestType) =>
    requestType === "access"
      ? `Vous avez demandé à ${company} une copie de vos données personnelles. Ce dossier contient tout ce que nous avons trouvé à votre sujet dans nos systèmes.`
      : `Vous avez demandé à ${company} vos données personnelles dans un format réutilisable. Ce dossier contient tout ce que nous avons trouvé à votre sujet dans nos systèmes, dans des formats lisibles par d’autres logiciels.`,
  requestTypeName: { access: "Accès à vos données", portability: "Portabilité de vos données" },
  reference: "Référence de la demande",
  requestType: "Demande",
  generatedAt: "Dossier créé le",
  systemsHeading: "Où nous avons cherché",
  systemsIntro: (count) => (count === 1 ? "Nous avons consulté 1 système\u00a0:" : `Nous avons consulté ${count} systèmes\u00a0:`),
  noDataAnywhere: "Nous n’avons trouvé aucune donnée vous concernant dans nos systèmes.",
  noDataInSystem: "Aucune donnée vous concernant n’a été trouvée dans ce système.",
  category: "Type de données",
  records: "Enregistrements",
  files: "Fichiers",
  documents: "Documents de ce système",
  recordCount: (count) => (count <= 1 ? `${count} enregistrement` : `${count.toLocaleString("fr")} enregistrements`),
  fieldsHeading: (category) => `Signification des champs de «\u00a0${category}\u00a0»`,
  field: "Champ",
  meaning: "Signification",
  noMeaning: "Pas de description",
  formatsHeading: "Comment ouvrir ces fichiers",
  formatsJson:
    "Les fichiers JSON (.json) contiennent vos données telles qu’elles sont enregistrées, détails imbriqués compris. Ils conviennent aux logiciels et services\u00a0: c’est le format à transmettre à une autre entreprise si vous souhaitez y transférer vos données.",
  formatsCsv:
    "Les fichiers CSV (.csv) contiennent les mêmes données sous forme de tableau, une ligne par enregistrement, et s’ouvrent dans un tableur comme Excel ou LibreOffice Calc. Les détails composés de plusieurs parties apparaissent en texte JSON dans une cellule. Une valeur qui commence par = + - ou @ est précédée d’une apostrophe pour que le tableur ne puisse pas l’exécuter comme une formule.",
  formatsValues:
    'Les dates et heures sont écrites au format ISO 8601 avec la précision enregistrée par le système (2026-01-05T10:00:00.123456Z ; Z signifie UTC), les durées aussi (P1DT2H), les montants et autres nombres exacts sous forme de texte pour ne perdre aucun chiffre ("19.90"), et les contenus binaires en Base64.',
  formatsManifest:
    "Le fichier manifest.json liste chaque fichier de ce dossier avec son empreinte SHA-256, pour que vous puissiez vérifier que rien n’a été modifié, et indique aux logiciels le format de chaque champ écrit sous forme de texte (nombre exact, date et heure…).",
  rightsHeading: "Vos droits",
  rights: (company) => [
    `Si certaines de ces données sont inexactes ou incomplètes, vous pouvez demander à ${company} de les rectifier.`,
    `Vous pouvez demander à ${company} d’effacer vos données, ou d’en arrêter ou d’en limiter l’utilisation, dans les cas prévus par la loi.`,
    "Vous pouvez demander vos données dans un format réutilisable pour les transmettre à une autre entreprise (portabilité).",
    "Si notre réponse ne vous satisfait pas, vous pouvez adresser une réclamation à l’autorité de protection des données (en France, la CNIL).",
  ],
  keepSafe:
    "Ce dossier contient des données personnelles\u00a0: conservez-le en lieu sûr et supprimez-le lorsque vous n’en avez plus besoin.",
};

export const packageTexts: Record<PackageLocale, PackageTexts> = { en, fr };
