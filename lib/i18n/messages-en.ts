// The public pages' strings in English: the reference every other language is checked against.
import type { DenialReason, RequestStatus } from "../generated/prisma/enums.ts";
import type { RequestTypeName } from "../requests/request-input.schema.ts";

type RightText = { label: string; name: string; hint: string };
type StatusText = { label: string; next: string };

export const en = {
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
    opt_out: {
      label: "Opt out of sale or sharing",
      name: "Opt-out of the sale or sharing of your data",
      hint: "Ask us to stop selling or sharing your personal data, and to stop using it for targeted advertising or profiling. We do not need proof of your identity for this.",
    },
    limit_sensitive: {
      label: "Limit the use of sensitive data",
      name: "Limit the use of your sensitive data",
      hint: "Ask us to use your sensitive personal data (such as health, precise location or financial details) only to provide the service you asked for. We do not need proof of your identity for this.",
    },
    restriction: {
      label: "Restriction",
      name: "Restriction of the use of your data",
      hint: "Ask us to keep your data but stop using it for a while, for example while we check that it is accurate.",
    },
    objection: {
      label: "Objection",
      name: "Objection to the use of your data",
      hint: "Object to how we use your data, for example for direct marketing, which we then stop in every case.",
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
      next: "We asked you for more information: read our message below and answer it on this page.",
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
    AGENT_AUTHORITY_NOT_SHOWN: "The person who filed for you did not show that you authorised them.",
    OTHER: "Another reason, explained below.",
  } satisfies Record<DenialReason, string>,
  form: {
    title: "Make a request about your personal data",
    intro: (company: string) =>
      `Use this form to ask ${company} for a copy of your personal data, to correct it, to delete it, or to receive it in a reusable file. It is free.`,
    rightsLegend: "Which rights do you want to use?",
    rightsHint: "Choose one or more.",
    rightsForPlace: "Only the rights the law where you live gives you (and any we offer everyone) are listed.",
    gpcNotice:
      "Your browser sends a Global Privacy Control signal, which asks us not to sell or share your data. We have ticked the opt-out for you: untick it if you do not want it.",
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
    accountIdHint: "If you have one. Our team checks that it is yours before using it to find your data.",
    details: "Anything else we should know?",
    detailsHint: "For example, which of our services you used, or which data you mean.",
    onBehalfLegend: "Who is making this request?",
    onBehalf: "I am filing for someone else, with their signed permission",
    onBehalfHint:
      "For example as their authorised agent. We will write to the person at their own email address: they must confirm the request with us themselves before we act on it.",
    agentLegend: "About you, the person filing",
    agentName: "Your name",
    agentNameHint: "As it appears on the signed permission.",
    agentEmail: "Your email address",
    agentEmailHint: "We tell you there that we received the request. Links to confirm it go to the person only.",
    agentOrganisation: "Your organisation",
    agentOrganisationHint: "If you act for a company or an association.",
    agentPermission: "The permission the person signed",
    agentPermissionHint:
      "A PDF, PNG or JPEG file of at most 10 MB, in which the person authorises you to make this request. If the page comes back with an error, attach it again.",
    personEmail: "The person's email address",
    personEmailHint: "Their own address: we ask them there to confirm the request.",
    personFullName: "The person's full name",
    personFullNameHint: "Helps us find their data.",
    correctionsLegend: "What should we correct?",
    correctionsHint: "List each piece of information that is wrong and what it should be.",
    correctionRow: (n: number) => `Correction ${n}`,
    correctionField: "What is wrong",
    correctionFieldHint: "Choose the information, or “Something else” to describe it.",
    correctionFieldPlaceholder: "Choose…",
    correctionOther: "Something else",
    correctionDescription: "Describe what is wrong",
    correctionDescriptionHint: "For example: date of birth, the name on my invoices. Our privacy team corrects it by hand.",
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
    closesAfter: (days: number, count: number) =>
      `If the address is not confirmed within ${days} ${days === 1 ? "day" : "days"}, ${count === 1 ? "the request closes" : "the requests close"}.`,
    noReference: "We could not read the request reference from this address. Open the link in the email we sent you instead.",
    codeTitle: "Enter the code",
    codeLabel: "6-digit code from the email",
    codeHint: "For example, 123456.",
    codeSubmit: "Confirm",
    codeSubmitting: "Checking…",
    confirmedTitle: "Your email address is confirmed",
    alreadyConfirmed: "This email address was already confirmed. Follow your request with the private status link in our emails.",
    invalidCode: (left: number) => `This code is not right. You have ${left} ${left === 1 ? "attempt" : "attempts"} left.`,
    tooManyAttempts:
      "You entered a wrong code too many times, so this code no longer works. Use the link in the email, or ask for a new code below.",
    codesUsedUpTitle: "Confirm with the link in our email",
    codesUsedUp:
      "Too many wrong codes were entered for this request, so codes no longer work for it. Use the link in the most recent email from us, or make a new request.",
    resendLimit:
      "We cannot send more new codes for this request for now. Use the link or the code in the most recent email from us, or make a new request.",
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
    intro: (count: number): string =>
      count === 1
        ? "This private page shows where your request stands. Do not share its address: anyone who has it can see and withdraw your request."
        : "This private page shows where your requests stand. Do not share its address: anyone who has it can see and withdraw your requests.",
    right: "Right",
    received: "Received on",
    status: "Status",
    due: "Answer due by",
    closed: "Closed on",
    confirmedTitle: "Your email address is confirmed",
    confirmedText: (count: number): string =>
      `This page is your private status link: bookmark it to follow your ${count === 1 ? "request" : "requests"}. It always shows where things stand, and we also sent its address to you by email.`,
    confirmBy: (date: string) => `Please confirm your email address by ${date}, or the request will close.`,
    paused: "The time limit is paused until we receive the information we asked for.",
    extended: "The time limit was extended. The explanation below says why.",
    whyDate: "Why this date?",
    lawBasis: (law: string, unit: "month" | "day" | "businessDay", length: number) =>
      `The law that protects you here (${law}) gives us ${length} ${unit === "month" ? (length === 1 ? "month" : "months") : unit === "businessDay" ? "business days" : length === 1 ? "day" : "days"} from the day we received your request to answer. Public holidays and weekends can move the date, and so can a pause while we wait for information from you, or an extension we must tell you about with our reasons.`,
    answerTitle: "Answer the privacy team",
    answerLabel: "Your answer",
    answerHint: "Do not send passwords or bank details. We will tell you if we need a document.",
    answerSubmit: "Send my answer",
    answered: (reference: string) => `Thank you. Your answer about request ${reference} was sent to the privacy team.`,
    answerEmpty: "Write your answer before sending it.",
    answerText: "Your answer holds characters we cannot keep (control characters or broken characters): remove them and send it again.",
    answerNotWaiting: "This request is no longer waiting for an answer from you.",
    answerFailed: "We could not send your answer because of a problem on our side. Please try again in a few minutes.",
    heldTitle: "What we hold about you, and why",
    heldIntro:
      "Your data itself is in the package you can download. For each kind of record we found, here is what we use it for, how long we keep it and who receives it:",
    heldNone: "We found no data about you in our systems.",
    heldKinds: "Kinds of data",
    heldPurposes: "Why we use it",
    heldRetention: "How long we keep it",
    heldRecipients: "Who receives it",
    heldNobody: "Nobody outside our company",
    heldNotDescribed: "We have not described this data yet. Ask us, quoting your reference, if you want to know more.",
    downloadTitle: "Download your data",
    downloadDetails: (date: string, left: number) =>
      `The download works until ${date}, ${left} more ${left === 1 ? "time" : "times"}. After that date we delete the file.`,
    downloadButton: "Download my data (ZIP)",
    downloadGone:
      "The file is no longer available: it expired or was downloaded the most times allowed. You can make a new request at any time.",
    denialTitle: "Why we refused",
    messagesTitle: "Messages",
    fromTeam: "From our privacy team",
    fromYou: "From you",
    replyTitle: "Answer the privacy team",
    replySubmit: "Send my answer",
    replyLimited: "You have sent many answers: please wait before sending another, or write everything in one answer.",
    correctionsTitle: "Your corrections",
    correctionStates: {
      waiting: "Waiting for our privacy team to review your request",
      corrected: "Corrected",
      pending: "Being corrected",
      "with-staff": "Being corrected by our privacy team",
      "corrected-by-staff": "Corrected by our privacy team",
      "not-corrected": "Not corrected",
    },
    correctedIn: (source: string, category: string) => `in ${source} (${category})`,
    correctionAskedFor: "Asked for",
    correctionsExplanation: "Our privacy team’s explanation:",
    withdraw: "Withdraw this request",
    withdrawConfirmTitle: "Do you want to withdraw this request?",
    withdrawConfirmText: (reference: string) =>
      `We will stop working on request ${reference}. This cannot be undone, but you can make a new request at any time.`,
    withdrawAlreadyStarted:
      "We have already started carrying it out: what is already done (for example, data already erased) cannot be reversed.",
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
  download: {
    metaTitle: "Download your data",
    title: "Download your data",
    intro: (reference: string) =>
      `The answer to your request ${reference} is ready: a ZIP file with a readable page (index.html) and your data as JSON and CSV files.`,
    details: (date: string, left: number) =>
      `The download works until ${date}, ${left} more ${left === 1 ? "time" : "times"}. After that date we delete the file.`,
    size: (bytes: number) =>
      `Size: about ${bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`}.`,
    button: "Download my data (ZIP)",
    keepPrivate: "The file holds your personal data: keep it somewhere safe and do not share this page's address.",
    expiredTitle: "This download is no longer available",
    expiredText:
      "The file has expired or was downloaded the most times allowed, and it was deleted. You can make a new request at any time.",
    notFoundTitle: "This download link is not valid",
    notFoundText: "Check that you used the whole link from the email we sent you.",
  },
  privacy: {
    title: "How this portal uses your data",
    intro: (company: string) =>
      `${company} runs this portal so that you can exercise your rights over your personal data. This statement explains, in plain words, what the portal itself collects when you make a request, and why.`,
    collectTitle: "What we collect",
    collect: [
      "Your email address: to make sure the request really comes from you, and to send you our answer.",
      "Your name and customer or account number, if you give them: to help our team find your data. We use the number to search our systems only once our team has checked that it is yours.",
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
