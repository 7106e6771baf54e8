// Every string of the public pages, in English and French. French is typed against English, so
// a key missing in one language is a type error. Pure data and Intl helpers: safe in the browser.
import type { DenialReason, RequestStatus } from "../generated/prisma/enums.ts";
import type { Locale, RequestTypeName } from "../requests/request-input.schema.ts";

type RightText = { label: string; name: string; hint: string };
type StatusText = { label: string; next: string };

const en = {
  layout: {
    portalName: "Your privacy rights",
    skipLink: "Skip to main content",
    languageNav: "Language",
    otherLanguageName: "Français",
    footerNav: "About this portal",
    newRequest: "Make a request",
    privacyLink: "How this portal uses your data",
    footerNote: (company: string) => `Run by ${company} to answer requests about your personal data.`,
  },
  common: {
    required: "(required)",
    optional: "(optional)",
    error: "Error:",
    references: "References",
    reference: "Reference",
    newRequestLink: "Make a new request",
    genericError: (reference: string) =>
      `Something went wrong on our side. Please try again in a few minutes. If it keeps happening, contact us and give this reference: ${reference}.`,
  },
  rights: {
    access: {
      label: "Access",
      name: "Access to your data",
      hint: "Get a copy of the personal data we hold about you, and learn how we use it.",
    },
    rectification: {
      label: "Rectification",
      name: "Correction of your data",
      hint: "Ask us to correct personal data that is wrong or incomplete.",
    },
    erasure: { label: "Erasure", name: "Erasure of your data", hint: "Ask us to delete your personal data." },
    portability: {
      label: "Portability",
      name: "A portable copy of your data",
      hint: "Receive the data you gave us in a file you can reuse with another service.",
    },
  } satisfies Record<RequestTypeName, RightText>,
  statuses: {
    SUBMITTED: {
      label: "Waiting for you to confirm your email address",
      next: "Open the link, or enter the code, from the email we sent you. We start working on your request once your address is confirmed.",
    },
    VERIFIED: {
      label: "Received and confirmed",
      next: "Our privacy team is checking your request. We will answer by the due date at the latest.",
    },
    AWAITING_SUBJECT: {
      label: "Waiting for information from you",
      next: "We asked you for more information: see the messages below and answer our email. The time limit is paused until we hear from you.",
    },
    APPROVED: {
      label: "Accepted",
      next: "We accepted your request and are preparing to carry it out in our systems.",
    },
    IN_PROGRESS: {
      label: "In progress",
      next: "We are carrying out your request in our systems. We will email you when it is done.",
    },
    COMPLETED: {
      label: "Completed",
      next: "We have answered your request. Check your email for the result.",
    },
    DENIED: {
      label: "Refused",
      next: "We could not carry out this request; the reason is below. If you disagree, you can complain to your data protection authority.",
    },
    WITHDRAWN: {
      label: "Withdrawn",
      next: "You withdrew this request, so we stopped working on it. You can make a new request at any time.",
    },
    EXPIRED: {
      label: "Closed: email address not confirmed",
      next: "The email address was not confirmed in time, so the request was closed. You can make a new request at any time.",
    },
  } satisfies Record<RequestStatus, StatusText>,
  denialReasons: {
    IDENTITY_NOT_VERIFIED: "We could not confirm your identity.",
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE: "The request was clearly unfounded or excessive.",
    EXEMPTION_APPLIES: "A legal exemption applies to this data.",
    NO_DATA_HELD: "We do not hold any personal data about you.",
    OTHER: "Another reason, explained below.",
  } satisfies Record<DenialReason, string>,
  form: {
    title: "Make a request about your personal data",
    intro: (company: string) =>
      `Use this form to ask ${company} for a copy of your personal data, to correct it, to delete it, or to receive it in a reusable file. It is free.`,
    rightsLegend: "Which rights do you want to use?",
    rightsHint: "Choose one or more.",
    country: "Country where you live",
    countryHint: "The law that protects you, and our time limit to answer, depend on it.",
    countryPlaceholder: "Choose a country",
    region: "State or province",
    regionPlaceholder: "Choose a state or province",
    email: "Email address",
    emailHint: "We send a link and a code to this address to make sure it is yours, then our answer.",
    fullName: "Full name",
    fullNameHint: "Helps us find your data.",
    accountId: "Customer or account number",
    accountIdHint: "If you have one: it helps us find your data.",
    details: "Anything else we should know?",
    detailsHint: "For example, which of our services you used, or which data you mean.",
    correctionsLegend: "What should we correct?",
    correctionsHint: "List each piece of information that is wrong and what it should be.",
    correctionRow: (n: number) => `Correction ${n}`,
    correctionField: "What is wrong",
    correctionFieldHint: "For example: postal address, date of birth.",
    correctionValue: "What it should be",
    correctionCurrent: "Current value",
    addCorrection: "Add another correction",
    removeCorrection: (n: number) => `Remove correction ${n}`,
    submit: "Send my request",
    submitting: "Sending…",
    errorSummaryTitle: "There is a problem",
  },
  notice: {
    title: "What we collect and why",
    intro: "We collect only what we need to handle your request:",
    email: "your email address, to make sure the request comes from you and to send you our answer;",
    identity: "your name and customer number, if you give them, to find your data;",
    country: "your country (and state or province), to know which law applies and by when we must answer.",
    retention:
      "We keep these details while your request is open, then for 24 months because the law requires us to keep a record of requests. Then we delete them.",
    marketing: "We never use them for marketing.",
    more: "Read the full statement about how this portal uses your data",
  },
  submitted: {
    title: "Check your email",
    created: (count: number) => (count === 1 ? "We recorded your request:" : `We recorded your ${count} requests:`),
    sent: (hours: number) =>
      `We sent a link and a 6-digit code to your email address. Open the link, or enter the code below, to confirm that the address is yours. They expire in ${hours} ${hours === 1 ? "hour" : "hours"}.`,
    closesAfter: (days: number) => `If the address is not confirmed within ${days} ${days === 1 ? "day" : "days"}, the request closes.`,
    noReference: "We could not read the request reference from this address. Open the link in the email we sent you instead.",
    codeTitle: "Enter the code",
    codeLabel: "6-digit code from the email",
    codeHint: "For example, 123456.",
    codeSubmit: "Confirm",
    codeSubmitting: "Checking…",
    confirmedTitle: "Your email address is confirmed",
    confirmedText: "Thank you. We have started working on:",
    followText: "Use the private status link in the email to follow your request.",
    alreadyConfirmed: "This email address was already confirmed.",
    invalidCode: (left: number) => `This code is not right. You have ${left} ${left === 1 ? "attempt" : "attempts"} left.`,
    tooManyAttempts:
      "You entered a wrong code too many times, so this code no longer works. Use the link in the email, or ask for a new code below.",
    codeExpired: "This code has expired. Ask for a new one below.",
    resendTitle: "Did not get the email?",
    resendText: "Check your spam folder first. You can also ask for a new email: the previous link and code will stop working.",
    resendSubmit: "Send me a new code",
    resendSubmitting: "Sending…",
    resent: "A new email is on its way, with a new link and a new code. The previous link and code no longer work.",
    resendGone: "This request has expired because the address was not confirmed in time. Please make a new request.",
    resendNotWaiting: "This request is no longer waiting for a confirmation: your address may already be confirmed.",
  },
  verify: {
    metaTitle: "Confirm your request",
    title: "Confirm your request",
    intro: "Press the button to confirm that this email address is yours. We then start working on your request.",
    submit: "Confirm my request",
    submitting: "Confirming…",
    confirmedTitle: "Your email address is confirmed",
    alreadyConfirmed: "Your email address was already confirmed. Nothing else to do.",
    requestsLabel: "Your requests",
    verifiedStatus: "status: confirmed",
    nextTitle: "What happens next",
    nextText:
      "Our privacy team checks your request and answers by the legal due date at the latest. We have sent you an email with that date. Use the private status link from our first email to follow your request.",
    expiredTitle: "This link has expired",
    expiredText: (hours: number) =>
      `For your security, a confirmation link works for ${hours} ${hours === 1 ? "hour" : "hours"}. If you asked for a new email, use the link or code in the most recent one. Otherwise, please make a new request.`,
    replacedTitle: "This link was replaced by a newer one",
    replacedText: "We sent you a newer email. Use the link or the code in the most recent email from us.",
    invalidTitle: "This link is not valid",
    invalidText:
      "Check that you copied the whole link from the email. If it still does not work, use the 6-digit code, or make a new request.",
  },
  status: {
    metaTitle: "Your request",
    title: (count: number): string => (count === 1 ? "Your request" : "Your requests"),
    intro:
      "This private page shows where your request stands. Do not share its address: anyone who has it can see and withdraw your request.",
    right: "Right",
    received: "Received on",
    status: "Status",
    due: "Answer due by",
    closed: "Closed on",
    confirmBy: (date: string) => `Please confirm your email address by ${date}, or the request will close.`,
    paused: "The time limit is paused until we receive the information we asked for.",
    extended: "The time limit was extended. The explanation below says why.",
    whyDate: "Why this date?",
    explanationInEnglish: "(explanation in English)",
    denialTitle: "Why we refused",
    messagesTitle: "Messages",
    fromTeam: "From our privacy team",
    fromYou: "From you",
    withdraw: "Withdraw this request",
    withdrawConfirmTitle: "Do you want to withdraw this request?",
    withdrawConfirmText: (reference: string) =>
      `We will stop working on request ${reference}. This cannot be undone, but you can make a new request at any time.`,
    withdrawYes: "Yes, withdraw",
    withdrawNo: "No, keep my request",
    withdrawn: (reference: string) => `Request ${reference} has been withdrawn. We have sent you an email to confirm.`,
    withdrawNotFound: "We could not find this request with this status link. Check that you used the whole link from our email.",
    withdrawInvalidState: "This request can no longer be withdrawn: it is already closed.",
    withdrawConflict: "The request changed meanwhile. Check its status below and try again if needed.",
    withdrawFailed: "We could not withdraw the request because of a problem on our side. Please try again in a few minutes.",
    notFoundTitle: "We cannot find this request",
    notFoundText:
      "This status link is not valid or no longer works. Check that you copied the whole link from the email, or use the link in the most recent email from us.",
  },
  errors: {
    pageFailedTitle: "Something went wrong",
    rateLimited: (wait: string) => `Too many attempts from this connection or address. Please try again in ${wait}.`,
    notFound: "We could not find this request. Check the link or reference in the email we sent you.",
    gone: "This link or code is no longer valid. Use the most recent email we sent you.",
    invalidState: "This request can no longer be changed: it is already closed or already confirmed.",
    conflict: "The request changed meanwhile. Reload the page and try again.",
  },
  privacy: {
    title: "How this portal uses your data",
    intro: (company: string) =>
      `${company} runs this portal so that you can exercise your rights over your personal data. This statement explains, in plain words, what the portal itself collects when you make a request, and why.`,
    collectTitle: "What we collect",
    collect: [
      "Your email address: to make sure the request really comes from you, and to send you our answer.",
      "Your name and customer or account number, if you give them: to find your data in our systems.",
      "Your country, and your state or province in the United States and Canada: to know which law applies and by when we must answer.",
      "The rights you chose, the details and corrections you write, and the messages we exchange about your request.",
      "Your connection's internet address, only for a short time and only as a one-way fingerprint, to stop abuse of the form. It is never stored with your request.",
    ],
    whyTitle: "Why, and on what legal basis",
    why: "We use these details only to handle your request and to be able to show how we handled it. The legal basis is a legal obligation: data protection law requires us to answer your request and to keep a record of it. We never use these details for marketing, and we never sell them.",
    whoTitle: "Who sees your details",
    who: "Only the members of our privacy team who handle requests. When we carry out your request, the systems that hold your data receive only what they need to find it (for example your email address). Our email provider delivers the emails we send you.",
    keepTitle: "How long we keep your details",
    keep: (days: number) => [
      `If you do not confirm your email address within ${days} ${days === 1 ? "day" : "days"}, the request closes.`,
      "We keep the record of each request for 24 months after it is closed, because the law requires us to be able to show how we answered. After that, your personal details are deleted.",
      "Files you can download with a copy of your data are deleted 7 days after they are ready.",
    ],
    securityTitle: "How we protect your details",
    security:
      "Your details travel encrypted, and the most sensitive ones are encrypted when stored. The links and codes we email you are stored only as fingerprints (hashes), so no one can read them back from our database. Every action on a request is recorded, and only the privacy team has access.",
    rightsTitle: "Your rights",
    rights:
      "You have the same rights over these details as over any other data we hold about you: to get a copy, to correct them, to have them deleted once the law no longer requires us to keep them, and to receive them in a reusable file. You can use this portal to ask. If you are not satisfied with our answer, you can complain to your data protection authority.",
    formLink: "Make a request",
  },
  notFound: {
    title: "Page not found",
    text: "This page does not exist. If you followed a link from one of our emails, check that you copied all of it.",
    home: "Go to the request form",
  },
};

export type Messages = typeof en;

const fr: Messages = {
  layout: {
    portalName: "Vos droits sur vos données",
    skipLink: "Aller au contenu principal",
    languageNav: "Langue",
    otherLanguageName: "English",
    footerNav: "À propos de ce portail",
    newRequest: "Faire une demande",
    privacyLink: "Comment ce portail utilise vos données",
    footerNote: (company: string) => `Géré par ${company} pour répondre aux demandes concernant vos données personnelles.`,
  },
  common: {
    required: "(obligatoire)",
    optional: "(facultatif)",
    error: "Erreur\u00a0:",
    references: "Références",
    reference: "Référence",
    newRequestLink: "Faire une nouvelle demande",
    genericError: (reference: string) =>
      `Un problème est survenu de notre côté. Veuillez réessayer dans quelques minutes. Si le problème persiste, contactez-nous en indiquant cette référence\u00a0: ${reference}.`,
  },
  rights: {
    access: {
      label: "Accès",
      name: "Accès à vos données",
      hint: "Obtenir une copie des données personnelles que nous détenons sur vous et savoir comment nous les utilisons.",
    },
    rectification: {
      label: "Rectification",
      name: "Rectification de vos données",
      hint: "Nous demander de corriger des données inexactes ou incomplètes.",
    },
    erasure: { label: "Effacement", name: "Effacement de vos données", hint: "Nous demander de supprimer vos données personnelles." },
    portability: {
      label: "Portabilité",
      name: "Portabilité de vos données",
      hint: "Recevoir les données que vous nous avez fournies dans un fichier réutilisable auprès d’un autre service.",
    },
  },
  statuses: {
    SUBMITTED: {
      label: "En attente de la confirmation de votre adresse e-mail",
      next: "Ouvrez le lien, ou saisissez le code, reçu dans l’e-mail que nous vous avons envoyé. Nous commençons à traiter votre demande dès que votre adresse est confirmée.",
    },
    VERIFIED: {
      label: "Reçue et confirmée",
      next: "Notre équipe chargée de la protection des données examine votre demande. Nous vous répondrons au plus tard à la date limite.",
    },
    AWAITING_SUBJECT: {
      label: "En attente d’informations de votre part",
      next: "Nous vous avons demandé des informations complémentaires\u00a0: consultez les messages ci-dessous et répondez à notre e-mail. Le délai est suspendu jusqu’à votre réponse.",
    },
    APPROVED: {
      label: "Acceptée",
      next: "Nous avons accepté votre demande et nous préparons sa mise en œuvre dans nos systèmes.",
    },
    IN_PROGRESS: {
      label: "En cours de traitement",
      next: "Nous mettons en œuvre votre demande dans nos systèmes. Nous vous écrirons lorsque ce sera terminé.",
    },
    COMPLETED: {
      label: "Terminée",
      next: "Nous avons répondu à votre demande. Consultez vos e-mails pour connaître le résultat.",
    },
    DENIED: {
      label: "Refusée",
      next: "Nous n’avons pas pu donner suite à cette demande\u00a0; le motif figure ci-dessous. Si vous n’êtes pas d’accord, vous pouvez saisir votre autorité de protection des données.",
    },
    WITHDRAWN: {
      label: "Retirée",
      next: "Vous avez retiré cette demande, nous avons donc cessé de la traiter. Vous pouvez faire une nouvelle demande à tout moment.",
    },
    EXPIRED: {
      label: "Close\u00a0: adresse e-mail non confirmée",
      next: "L’adresse e-mail n’a pas été confirmée à temps, la demande a donc été close. Vous pouvez faire une nouvelle demande à tout moment.",
    },
  },
  denialReasons: {
    IDENTITY_NOT_VERIFIED: "Nous n’avons pas pu confirmer votre identité.",
    MANIFESTLY_UNFOUNDED_OR_EXCESSIVE: "La demande était manifestement infondée ou excessive.",
    EXEMPTION_APPLIES: "Une exception prévue par la loi s’applique à ces données.",
    NO_DATA_HELD: "Nous ne détenons aucune donnée personnelle vous concernant.",
    OTHER: "Un autre motif, expliqué ci-dessous.",
  },
  form: {
    title: "Faire une demande concernant vos données personnelles",
    intro: (company: string) =>
      `Ce formulaire vous permet de demander à ${company} une copie de vos données personnelles, leur rectification, leur effacement ou leur transmission dans un fichier réutilisable. C’est gratuit.`,
    rightsLegend: "Quels droits souhaitez-vous exercer\u00a0?",
    rightsHint: "Choisissez-en un ou plusieurs.",
    country: "Pays de résidence",
    countryHint: "La loi qui vous protège, et notre délai pour vous répondre, en dépendent.",
    countryPlaceholder: "Choisissez un pays",
    region: "État ou province",
    regionPlaceholder: "Choisissez un État ou une province",
    email: "Adresse e-mail",
    emailHint: "Nous envoyons un lien et un code à cette adresse pour vérifier qu’elle est bien la vôtre, puis notre réponse.",
    fullName: "Nom complet",
    fullNameHint: "Nous aide à retrouver vos données.",
    accountId: "Numéro de client ou de compte",
    accountIdHint: "Si vous en avez un\u00a0: il nous aide à retrouver vos données.",
    details: "Autre chose à nous préciser\u00a0?",
    detailsHint: "Par exemple, lesquels de nos services vous avez utilisés, ou de quelles données il s’agit.",
    correctionsLegend: "Que devons-nous corriger\u00a0?",
    correctionsHint: "Indiquez chaque information inexacte et ce qu’elle devrait être.",
    correctionRow: (n: number) => `Correction ${n}`,
    correctionField: "Ce qui est inexact",
    correctionFieldHint: "Par exemple\u00a0: adresse postale, date de naissance.",
    correctionValue: "Ce que cela devrait être",
    correctionCurrent: "Valeur actuelle",
    addCorrection: "Ajouter une autre correction",
    removeCorrection: (n: number) => `Supprimer la correction ${n}`,
    submit: "Envoyer ma demande",
    submitting: "Envoi en cours…",
    errorSummaryTitle: "Il y a un problème",
  },
  notice: {
    title: "Ce que nous collectons et pourquoi",
    intro: "Nous ne collectons que ce qui est nécessaire pour traiter votre demande\u00a0:",
    email: "votre adresse e-mail, pour vérifier que la demande vient bien de vous et vous envoyer notre réponse\u00a0;",
    identity: "votre nom et votre numéro de client, si vous les indiquez, pour retrouver vos données\u00a0;",
    country: "votre pays (et votre État ou province), pour savoir quelle loi s’applique et dans quel délai nous devons répondre.",
    retention:
      "Nous conservons ces informations tant que votre demande est ouverte, puis pendant 24 mois, car la loi nous oblige à garder une trace des demandes. Ensuite, nous les supprimons.",
    marketing: "Nous ne les utilisons jamais à des fins commerciales.",
    more: "Lire la déclaration complète sur l’utilisation de vos données par ce portail",
  },
  submitted: {
    title: "Consultez vos e-mails",
    created: (count: number) =>
      count === 1 ? "Nous avons enregistré votre demande\u00a0:" : `Nous avons enregistré vos ${count} demandes\u00a0:`,
    sent: (hours: number) =>
      `Nous avons envoyé un lien et un code à 6 chiffres à votre adresse e-mail. Ouvrez le lien, ou saisissez le code ci-dessous, pour confirmer que cette adresse est bien la vôtre. Ils expirent au bout de ${hours} ${hours <= 1 ? "heure" : "heures"}.`,
    closesAfter: (days: number) =>
      `Si l’adresse n’est pas confirmée dans un délai de ${days} ${days <= 1 ? "jour" : "jours"}, la demande sera close.`,
    noReference: "Nous n’avons pas pu lire la référence de la demande dans cette adresse. Utilisez plutôt le lien reçu par e-mail.",
    codeTitle: "Saisir le code",
    codeLabel: "Code à 6 chiffres reçu par e-mail",
    codeHint: "Par exemple, 123456.",
    codeSubmit: "Confirmer",
    codeSubmitting: "Vérification…",
    confirmedTitle: "Votre adresse e-mail est confirmée",
    confirmedText: "Merci. Nous avons commencé à traiter\u00a0:",
    followText: "Utilisez le lien privé de suivi reçu par e-mail pour suivre votre demande.",
    alreadyConfirmed: "Cette adresse e-mail était déjà confirmée.",
    invalidCode: (left: number) => `Ce code n’est pas le bon. Il vous reste ${left} ${left <= 1 ? "essai" : "essais"}.`,
    tooManyAttempts:
      "Vous avez saisi un code erroné trop de fois\u00a0: ce code ne fonctionne plus. Utilisez le lien reçu par e-mail, ou demandez un nouveau code ci-dessous.",
    codeExpired: "Ce code a expiré. Demandez-en un nouveau ci-dessous.",
    resendTitle: "Vous n’avez pas reçu l’e-mail\u00a0?",
    resendText:
      "Vérifiez d’abord votre dossier de courrier indésirable. Vous pouvez aussi demander un nouvel e-mail\u00a0: le lien et le code précédents ne fonctionneront plus.",
    resendSubmit: "M’envoyer un nouveau code",
    resendSubmitting: "Envoi en cours…",
    resent: "Un nouvel e-mail est en route, avec un nouveau lien et un nouveau code. Le lien et le code précédents ne fonctionnent plus.",
    resendGone: "Cette demande a expiré, car l’adresse n’a pas été confirmée à temps. Veuillez faire une nouvelle demande.",
    resendNotWaiting: "Cette demande n’attend plus de confirmation\u00a0: votre adresse est peut-être déjà confirmée.",
  },
  verify: {
    metaTitle: "Confirmer votre demande",
    title: "Confirmer votre demande",
    intro:
      "Appuyez sur le bouton pour confirmer que cette adresse e-mail est bien la vôtre. Nous commencerons alors à traiter votre demande.",
    submit: "Confirmer ma demande",
    submitting: "Confirmation…",
    confirmedTitle: "Votre adresse e-mail est confirmée",
    alreadyConfirmed: "Votre adresse e-mail était déjà confirmée. Vous n’avez rien d’autre à faire.",
    requestsLabel: "Vos demandes",
    verifiedStatus: "statut\u00a0: confirmée",
    nextTitle: "Et ensuite\u00a0?",
    nextText:
      "Notre équipe chargée de la protection des données examine votre demande et vous répond au plus tard à la date limite prévue par la loi. Nous vous avons envoyé un e-mail indiquant cette date. Utilisez le lien privé de suivi reçu dans notre premier e-mail pour suivre votre demande.",
    expiredTitle: "Ce lien a expiré",
    expiredText: (hours: number) =>
      `Pour votre sécurité, un lien de confirmation fonctionne pendant ${hours} ${hours <= 1 ? "heure" : "heures"}. Si vous avez demandé un nouvel e-mail, utilisez le lien ou le code du plus récent. Sinon, veuillez faire une nouvelle demande.`,
    replacedTitle: "Ce lien a été remplacé par un lien plus récent",
    replacedText: "Nous vous avons envoyé un e-mail plus récent. Utilisez le lien ou le code figurant dans notre dernier e-mail.",
    invalidTitle: "Ce lien n’est pas valide",
    invalidText:
      "Vérifiez que vous avez copié le lien en entier depuis l’e-mail. S’il ne fonctionne toujours pas, utilisez le code à 6 chiffres ou faites une nouvelle demande.",
  },
  status: {
    metaTitle: "Votre demande",
    title: (count: number) => (count === 1 ? "Votre demande" : "Vos demandes"),
    intro:
      "Cette page privée indique où en est votre demande. Ne partagez pas son adresse\u00a0: toute personne qui la connaît peut consulter et retirer votre demande.",
    right: "Droit",
    received: "Reçue le",
    status: "Statut",
    due: "Réponse attendue au plus tard le",
    closed: "Close le",
    confirmBy: (date: string) => `Veuillez confirmer votre adresse e-mail avant le ${date}, sinon la demande sera close.`,
    paused: "Le délai est suspendu jusqu’à ce que nous recevions les informations demandées.",
    extended: "Le délai a été prolongé. L’explication ci-dessous en donne la raison.",
    whyDate: "Pourquoi cette date\u00a0?",
    explanationInEnglish: "(explication en anglais)",
    denialTitle: "Pourquoi nous avons refusé",
    messagesTitle: "Messages",
    fromTeam: "De notre équipe chargée de la protection des données",
    fromYou: "De vous",
    withdraw: "Retirer cette demande",
    withdrawConfirmTitle: "Voulez-vous retirer cette demande\u00a0?",
    withdrawConfirmText: (reference: string) =>
      `Nous cesserons de traiter la demande ${reference}. Ce choix est définitif, mais vous pourrez faire une nouvelle demande à tout moment.`,
    withdrawYes: "Oui, retirer",
    withdrawNo: "Non, garder ma demande",
    withdrawn: (reference: string) => `La demande ${reference} a été retirée. Nous vous avons envoyé un e-mail de confirmation.`,
    withdrawNotFound:
      "Nous n’avons pas trouvé cette demande avec ce lien de suivi. Vérifiez que vous avez utilisé le lien complet de notre e-mail.",
    withdrawInvalidState: "Cette demande ne peut plus être retirée\u00a0: elle est déjà close.",
    withdrawConflict: "La demande a changé entre-temps. Vérifiez son statut ci-dessous et réessayez si nécessaire.",
    withdrawFailed: "Nous n’avons pas pu retirer la demande à cause d’un problème de notre côté. Veuillez réessayer dans quelques minutes.",
    notFoundTitle: "Nous ne trouvons pas cette demande",
    notFoundText:
      "Ce lien de suivi n’est pas valide ou ne fonctionne plus. Vérifiez que vous avez copié le lien en entier depuis l’e-mail, ou utilisez le lien de notre dernier e-mail.",
  },
  errors: {
    pageFailedTitle: "Un problème est survenu",
    rateLimited: (wait: string) => `Trop de tentatives depuis cette connexion ou cette adresse. Veuillez réessayer dans ${wait}.`,
    notFound: "Nous n’avons pas trouvé cette demande. Vérifiez le lien ou la référence figurant dans l’e-mail que nous vous avons envoyé.",
    gone: "Ce lien ou ce code n’est plus valide. Utilisez le dernier e-mail que nous vous avons envoyé.",
    invalidState: "Cette demande ne peut plus être modifiée\u00a0: elle est déjà close ou déjà confirmée.",
    conflict: "La demande a changé entre-temps. Rechargez la page et réessayez.",
  },
  privacy: {
    title: "Comment ce portail utilise vos données",
    intro: (company: string) =>
      `${company} met ce portail à votre disposition pour que vous puissiez exercer vos droits sur vos données personnelles. Cette déclaration explique simplement ce que le portail lui-même collecte lorsque vous faites une demande, et pourquoi.`,
    collectTitle: "Ce que nous collectons",
    collect: [
      "Votre adresse e-mail\u00a0: pour vérifier que la demande vient bien de vous et vous envoyer notre réponse.",
      "Votre nom et votre numéro de client ou de compte, si vous les indiquez\u00a0: pour retrouver vos données dans nos systèmes.",
      "Votre pays, et votre État ou province aux États-Unis et au Canada\u00a0: pour savoir quelle loi s’applique et dans quel délai nous devons répondre.",
      "Les droits choisis, les précisions et corrections que vous écrivez, et les messages que nous échangeons au sujet de votre demande.",
      "L’adresse internet de votre connexion, pour une courte durée et seulement sous forme d’empreinte irréversible, afin d’empêcher les abus du formulaire. Elle n’est jamais enregistrée avec votre demande.",
    ],
    whyTitle: "Pourquoi, et sur quelle base légale",
    why: "Nous utilisons ces informations uniquement pour traiter votre demande et pouvoir démontrer comment nous l’avons traitée. La base légale est une obligation légale\u00a0: la loi sur la protection des données nous impose de répondre à votre demande et d’en conserver une trace. Nous n’utilisons jamais ces informations à des fins commerciales et ne les vendons jamais.",
    whoTitle: "Qui voit vos informations",
    who: "Seuls les membres de notre équipe chargée de la protection des données qui traitent les demandes. Lorsque nous mettons en œuvre votre demande, les systèmes qui détiennent vos données ne reçoivent que ce qui est nécessaire pour les retrouver (par exemple votre adresse e-mail). Notre prestataire de messagerie achemine les e-mails que nous vous envoyons.",
    keepTitle: "Combien de temps nous conservons vos informations",
    keep: (days: number) => [
      `Si vous ne confirmez pas votre adresse e-mail dans un délai de ${days} ${days <= 1 ? "jour" : "jours"}, la demande est close.`,
      "Nous conservons la trace de chaque demande pendant 24 mois après sa clôture, car la loi nous impose de pouvoir démontrer comment nous avons répondu. Ensuite, vos informations personnelles sont supprimées.",
      "Les fichiers contenant une copie de vos données, que vous pouvez télécharger, sont supprimés 7 jours après leur mise à disposition.",
    ],
    securityTitle: "Comment nous protégeons vos informations",
    security:
      "Vos informations circulent de façon chiffrée, et les plus sensibles sont chiffrées lorsqu’elles sont stockées. Les liens et codes que nous vous envoyons ne sont conservés que sous forme d’empreintes (hachages)\u00a0: personne ne peut les relire dans notre base de données. Chaque action sur une demande est enregistrée, et seule l’équipe chargée de la protection des données y a accès.",
    rightsTitle: "Vos droits",
    rights:
      "Vous avez sur ces informations les mêmes droits que sur toutes les autres données que nous détenons sur vous\u00a0: en obtenir une copie, les faire corriger, les faire effacer dès que la loi ne nous impose plus de les conserver, et les recevoir dans un fichier réutilisable. Vous pouvez utiliser ce portail pour le demander. Si notre réponse ne vous satisfait pas, vous pouvez saisir votre autorité de protection des données (en France, la CNIL).",
    formLink: "Faire une demande",
  },
  notFound: {
    title: "Page introuvable",
    text: "Cette page n’existe pas. Si vous avez suivi un lien reçu dans l’un de nos e-mails, vérifiez que vous l’avez copié en entier.",
    home: "Aller au formulaire de demande",
  },
};

export const messages: Record<Locale, Messages> = { en, fr };

/** The strings of the public pages in one language. */
export function t(locale: Locale): Messages {
  return messages[locale];
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in words ("5 June 2026", "5 juin 2026"). Calendar days (YYYY-MM-DD) are read in UTC so
 * they never shift by a day; instants are shown in `timeZone` (the controller's, by default UTC).
 */
export function formatDate(locale: Locale, isoOrDay: string, timeZone = "UTC"): string {
  const isDay = dayPattern.test(isoOrDay);
  const date = new Date(isDay ? `${isoOrDay}T00:00:00Z` : isoOrDay);
  if (Number.isNaN(date.getTime())) return isoOrDay;
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: isDay ? "UTC" : timeZone }).format(date);
}

/** A wait such as "12 minutes" or "2 heures", rounded up to the unit a person would use. */
export function formatWait(locale: Locale, seconds: number): string {
  const [value, unit] =
    seconds < 90
      ? [Math.max(1, Math.ceil(seconds)), "second"]
      : seconds < 5400
        ? [Math.ceil(seconds / 60), "minute"]
        : [Math.ceil(seconds / 3600), "hour"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}
