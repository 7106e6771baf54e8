// The public pages' strings in French, typed against English so no key can be missing.
import type { Messages } from "./messages-en.ts";

export const fr: Messages = {
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
    opt_out: {
      label: "Refuser la vente ou le partage",
      name: "Opposition à la vente ou au partage de vos données",
      hint: "Nous demander de ne plus vendre ni partager vos données personnelles, et de ne plus les utiliser pour la publicité ciblée ou le profilage. Aucune preuve d’identité n’est nécessaire.",
    },
    limit_sensitive: {
      label: "Limiter l’usage des données sensibles",
      name: "Limitation de l’usage de vos données sensibles",
      hint: "Nous demander de n’utiliser vos données sensibles (santé, localisation précise, données financières…) que pour fournir le service demandé. Aucune preuve d’identité n’est nécessaire.",
    },
    restriction: {
      label: "Limitation du traitement",
      name: "Limitation du traitement de vos données",
      hint: "Nous demander de conserver vos données sans plus les utiliser pendant un temps, par exemple le temps de vérifier leur exactitude.",
    },
    objection: {
      label: "Opposition",
      name: "Opposition au traitement de vos données",
      hint: "Vous opposer à l’usage que nous faisons de vos données, par exemple pour la prospection commerciale, que nous cessons alors dans tous les cas.",
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
      next: "Nous vous avons demandé des informations complémentaires\u00a0: lisez notre message ci-dessous et répondez-y sur cette page.",
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
    AGENT_AUTHORITY_NOT_SHOWN: "La personne qui a fait la demande pour vous n’a pas montré que vous l’y aviez autorisée.",
    OTHER: "Un autre motif, expliqué ci-dessous.",
  },
  form: {
    title: "Faire une demande concernant vos données personnelles",
    intro: (company: string) =>
      `Ce formulaire vous permet de demander à ${company} une copie de vos données personnelles, leur rectification, leur effacement ou leur transmission dans un fichier réutilisable. C’est gratuit.`,
    rightsLegend: "Quels droits souhaitez-vous exercer\u00a0?",
    rightsHint: "Choisissez-en un ou plusieurs.",
    rightsForPlace: "Seuls les droits que vous donne la loi de votre lieu de résidence (et ceux que nous offrons à tous) sont proposés.",
    gpcNotice:
      "Votre navigateur envoie un signal Global Privacy Control, qui nous demande de ne pas vendre ni partager vos données. Nous avons coché l’opposition pour vous : décochez-la si vous ne la souhaitez pas.",
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
    accountIdHint: "Si vous en avez un. Notre équipe vérifie qu’il est bien le vôtre avant de s’en servir pour retrouver vos données.",
    details: "Autre chose à nous préciser\u00a0?",
    detailsHint: "Par exemple, lesquels de nos services vous avez utilisés, ou de quelles données il s’agit.",
    onBehalfLegend: "Qui fait cette demande\u00a0?",
    onBehalf: "Je fais la demande pour quelqu’un d’autre, avec son autorisation signée",
    onBehalfHint:
      "Par exemple en tant que mandataire. Nous écrirons à la personne à sa propre adresse e-mail\u00a0: elle devra nous confirmer la demande elle-même avant que nous y donnions suite.",
    agentLegend: "Vous, qui faites la demande",
    agentName: "Votre nom",
    agentNameHint: "Tel qu’il figure sur l’autorisation signée.",
    agentEmail: "Votre adresse e-mail",
    agentEmailHint: "Nous vous y confirmons la réception de la demande. Les liens pour la confirmer ne sont envoyés qu’à la personne.",
    agentOrganisation: "Votre organisme",
    agentOrganisationHint: "Si vous agissez pour une entreprise ou une association.",
    agentPermission: "L’autorisation signée par la personne",
    agentPermissionHint:
      "Un fichier PDF, PNG ou JPEG de 10 Mo au plus, dans lequel la personne vous autorise à faire cette demande. Si la page revient avec une erreur, joignez-le à nouveau.",
    personEmail: "L’adresse e-mail de la personne",
    personEmailHint: "Sa propre adresse\u00a0: nous lui demandons d’y confirmer la demande.",
    personFullName: "Le nom complet de la personne",
    personFullNameHint: "Nous aide à retrouver ses données.",
    correctionsLegend: "Que devons-nous corriger\u00a0?",
    correctionsHint: "Indiquez chaque information inexacte et ce qu’elle devrait être.",
    correctionRow: (n: number) => `Correction ${n}`,
    correctionField: "Ce qui est inexact",
    correctionFieldHint: "Choisissez l’information, ou «\u00a0Autre chose\u00a0» pour la décrire.",
    correctionFieldPlaceholder: "Choisir…",
    correctionOther: "Autre chose",
    correctionDescription: "Décrivez ce qui est inexact",
    correctionDescriptionHint:
      "Par exemple\u00a0: date de naissance, le nom sur mes factures. Notre équipe chargée de la protection des données le corrige à la main.",
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
    closesAfter: (days: number, count: number) =>
      `Si l’adresse n’est pas confirmée dans un délai de ${days} ${days <= 1 ? "jour" : "jours"}, ${count === 1 ? "la demande sera close" : "les demandes seront closes"}.`,
    noReference: "Nous n’avons pas pu lire la référence de la demande dans cette adresse. Utilisez plutôt le lien reçu par e-mail.",
    codeTitle: "Saisir le code",
    codeLabel: "Code à 6 chiffres reçu par e-mail",
    codeHint: "Par exemple, 123456.",
    codeSubmit: "Confirmer",
    codeSubmitting: "Vérification…",
    confirmedTitle: "Votre adresse e-mail est confirmée",
    alreadyConfirmed: "Cette adresse e-mail était déjà confirmée. Suivez votre demande avec le lien privé de suivi reçu dans nos e-mails.",
    invalidCode: (left: number) => `Ce code n’est pas le bon. Il vous reste ${left} ${left <= 1 ? "essai" : "essais"}.`,
    tooManyAttempts:
      "Vous avez saisi un code erroné trop de fois\u00a0: ce code ne fonctionne plus. Utilisez le lien reçu par e-mail, ou demandez un nouveau code ci-dessous.",
    codesUsedUpTitle: "Confirmez avec le lien de notre e-mail",
    codesUsedUp:
      "Trop de codes erronés ont été saisis pour cette demande\u00a0: les codes ne fonctionnent plus pour elle. Utilisez le lien de notre e-mail le plus récent, ou faites une nouvelle demande.",
    resendLimit:
      "Nous ne pouvons plus envoyer de nouveau code pour cette demande pour l’instant. Utilisez le lien ou le code de notre e-mail le plus récent, ou faites une nouvelle demande.",
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
    intro: (count: number) =>
      count === 1
        ? "Cette page privée indique où en est votre demande. Ne partagez pas son adresse\u00a0: toute personne qui la connaît peut consulter et retirer votre demande."
        : "Cette page privée indique où en sont vos demandes. Ne partagez pas son adresse\u00a0: toute personne qui la connaît peut consulter et retirer vos demandes.",
    right: "Droit",
    received: "Reçue le",
    status: "Statut",
    due: "Réponse attendue au plus tard le",
    closed: "Close le",
    confirmedTitle: "Votre adresse e-mail est confirmée",
    confirmedText: (count: number) =>
      `Cette page est votre lien privé de suivi\u00a0: ajoutez-la à vos favoris pour suivre ${count === 1 ? "votre demande" : "vos demandes"}. Elle indique toujours où vous en êtes, et nous vous avons aussi envoyé son adresse par e-mail.`,
    confirmBy: (date: string) => `Veuillez confirmer votre adresse e-mail avant le ${date}, sinon la demande sera close.`,
    paused: "Le délai est suspendu jusqu’à ce que nous recevions les informations demandées.",
    extended: "Le délai a été prolongé. L’explication ci-dessous en donne la raison.",
    whyDate: "Pourquoi cette date\u00a0?",
    lawBasis: (law: string, unit: "month" | "day" | "businessDay", length: number) =>
      `La loi qui vous protège ici (${law}) nous donne ${length} ${unit === "month" ? "mois" : unit === "businessDay" ? "jours ouvrables" : length === 1 ? "jour" : "jours"} à compter de la réception de votre demande pour vous répondre. Les jours fériés et les fins de semaine peuvent déplacer la date, tout comme une suspension pendant que nous attendons des informations de votre part, ou une prolongation dont nous devons vous donner les raisons.`,
    answerTitle: "Répondre à l’équipe chargée de la protection des données",
    answerLabel: "Votre réponse",
    answerHint: "N’envoyez ni mot de passe ni coordonnées bancaires. Nous vous dirons si un document est nécessaire.",
    answerSubmit: "Envoyer ma réponse",
    answered: (reference: string) => `Merci. Votre réponse concernant la demande ${reference} a été transmise à l’équipe.`,
    answerEmpty: "Écrivez votre réponse avant de l’envoyer.",
    answerText:
      "Votre réponse contient des caractères que nous ne pouvons pas conserver (caractères de contrôle ou invalides)\u00a0: retirez-les et renvoyez-la.",
    answerNotWaiting: "Cette demande n’attend plus de réponse de votre part.",
    answerFailed: "Nous n’avons pas pu envoyer votre réponse à cause d’un problème de notre côté. Réessayez dans quelques minutes.",
    heldTitle: "Ce que nous détenons à votre sujet, et pourquoi",
    heldIntro:
      "Vos données elles-mêmes se trouvent dans le dossier à télécharger. Pour chaque type d’enregistrement trouvé, voici pourquoi nous l’utilisons, combien de temps nous le conservons et qui le reçoit\u00a0:",
    heldNone: "Nous n’avons trouvé aucune donnée vous concernant dans nos systèmes.",
    heldKinds: "Types de données",
    heldPurposes: "Pourquoi nous les utilisons",
    heldRetention: "Durée de conservation",
    heldRecipients: "Destinataires",
    heldNobody: "Personne en dehors de notre entreprise",
    heldNotDescribed:
      "Nous n’avons pas encore décrit ces données. Demandez-nous en indiquant votre référence si vous souhaitez en savoir plus.",
    downloadTitle: "Télécharger vos données",
    downloadDetails: (date: string, left: number) =>
      `Le téléchargement fonctionne jusqu’au ${date}, encore ${left} fois. Après cette date, nous supprimons le fichier.`,
    downloadButton: "Télécharger mes données (ZIP)",
    downloadGone:
      "Le fichier n’est plus disponible\u00a0: il a expiré ou a été téléchargé le nombre maximal de fois. Vous pouvez faire une nouvelle demande à tout moment.",
    denialTitle: "Pourquoi nous avons refusé",
    messagesTitle: "Messages",
    fromTeam: "De notre équipe chargée de la protection des données",
    fromYou: "De vous",
    replyTitle: "Répondre à l’équipe chargée de la protection des données",
    replySubmit: "Envoyer ma réponse",
    replyLimited:
      "Vous avez envoyé beaucoup de réponses\u00a0: merci d’attendre avant d’en envoyer une autre, ou de tout écrire dans une seule réponse.",
    correctionsTitle: "Vos corrections",
    correctionStates: {
      waiting: "En attente de l’examen de votre demande par notre équipe",
      corrected: "Corrigé",
      pending: "Correction en cours",
      "with-staff": "En cours de correction par notre équipe chargée de la protection des données",
      "corrected-by-staff": "Corrigé par notre équipe chargée de la protection des données",
      "not-corrected": "Non corrigé",
    },
    correctedIn: (source: string, category: string) => `dans ${source} (${category})`,
    correctionAskedFor: "Demandé",
    correctionsExplanation: "L’explication de notre équipe chargée de la protection des données\u00a0:",
    withdraw: "Retirer cette demande",
    withdrawConfirmTitle: "Voulez-vous retirer cette demande\u00a0?",
    withdrawConfirmText: (reference: string) =>
      `Nous cesserons de traiter la demande ${reference}. Ce choix est définitif, mais vous pourrez faire une nouvelle demande à tout moment.`,
    withdrawAlreadyStarted:
      "Nous avons déjà commencé à la mettre en œuvre\u00a0: ce qui est déjà fait (par exemple, des données déjà effacées) ne peut pas être annulé.",
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
  download: {
    metaTitle: "Télécharger vos données",
    title: "Télécharger vos données",
    intro: (reference: string) =>
      `La réponse à votre demande ${reference} est prête\u00a0: un fichier ZIP contenant une page lisible (index.html) et vos données aux formats JSON et CSV.`,
    details: (date: string, left: number) =>
      `Le téléchargement fonctionne jusqu’au ${date}, encore ${left} ${left === 1 ? "fois" : "fois"}. Après cette date, nous supprimons le fichier.`,
    size: (bytes: number) =>
      `Taille\u00a0: environ ${bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0Ko` : `${(bytes / 1_048_576).toFixed(1).replace(".", ",")}\u00a0Mo`}.`,
    button: "Télécharger mes données (ZIP)",
    keepPrivate: "Le fichier contient vos données personnelles\u00a0: conservez-le en lieu sûr et ne partagez pas l’adresse de cette page.",
    expiredTitle: "Ce téléchargement n’est plus disponible",
    expiredText:
      "Le fichier a expiré ou a été téléchargé le nombre maximal de fois, et il a été supprimé. Vous pouvez faire une nouvelle demande à tout moment.",
    notFoundTitle: "Ce lien de téléchargement n’est pas valide",
    notFoundText: "Vérifiez que vous avez utilisé le lien complet de l’e-mail que nous vous avons envoyé.",
  },
  privacy: {
    title: "Comment ce portail utilise vos données",
    intro: (company: string) =>
      `${company} met ce portail à votre disposition pour que vous puissiez exercer vos droits sur vos données personnelles. Cette déclaration explique simplement ce que le portail lui-même collecte lorsque vous faites une demande, et pourquoi.`,
    collectTitle: "Ce que nous collectons",
    collect: [
      "Votre adresse e-mail\u00a0: pour vérifier que la demande vient bien de vous et vous envoyer notre réponse.",
      "Votre nom et votre numéro de client ou de compte, si vous les indiquez\u00a0: pour aider notre équipe à retrouver vos données. Nous ne cherchons dans nos systèmes avec ce numéro qu’une fois que notre équipe a vérifié qu’il est bien le vôtre.",
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
