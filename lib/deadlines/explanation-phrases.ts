// The sentences of a deadline explanation, in English and French: the engine decides, these only say
// it. English quotes each rule's own prose (pause and restart rules, notes); French gives the rule's
// citation instead, since that prose is written in English, and names the law by its French name (the
// catalogue's, else the act's own), never by its code. Dates stay ISO 8601 with the weekday, so a
// reader can check them against a calendar.
import { catalogues } from "../i18n/catalogue.ts";
import { type LocalDate, weekdayOf } from "./calendar.ts";
import { holidayRegionName } from "./holiday-region-name.ts";
import type { ExtensionAmount } from "./periods.ts";
import { isoDate } from "./periods.ts";
import { jurisdictionRules } from "./rules.ts";
import type { JurisdictionRule } from "./types.ts";

export const EXPLANATION_LANGUAGES = ["en", "fr"] as const;
export type ExplanationLanguage = (typeof EXPLANATION_LANGUAGES)[number];

export type SkippedDay = { date: string; reason: string; holiday?: string };

/** Where a period runs from: receipt, or the restart on a date. */
export type PeriodStart = { restartedOn: LocalDate | null; countedFrom: LocalDate | null };

export type ExplanationPhrases = {
  date: (date: LocalDate) => string;
  amount: (amount: ExtensionAmount) => string;
  period: (rule: JurisdictionRule) => string;
  extendedPeriod: (rule: JurisdictionRule, amount: ExtensionAmount) => string;
  receipt: (received: LocalDate, timeZone: string, instant: string | null) => string;
  otherRight: (code: string, rights: readonly string[], requestType: string) => string;
  firstPeriod: (code: string, rule: JurisdictionRule, start: PeriodStart, end: LocalDate) => string;
  clamped: (clampedFrom: string, end: LocalDate) => string;
  clampedExtended: (clampedFrom: string, end: LocalDate) => string;
  calendarDays: string;
  /** Business-day periods: which days count, and whether the day of receipt is day 1. */
  businessDays: (start: LocalDate) => string;
  /** This right has its own rule under the law (a California opt-out's 15 business days). */
  ownRightRule: (requestType: string, code: string, citation: string) => string;
  plusPaused: (days: number, moved: LocalDate) => string;
  stands: (date: LocalDate, region: string) => string;
  moved: (skipped: SkippedDay[], date: LocalDate, citation: string) => string;
  readingUsed: (settled: LocalDate, other: LocalDate) => string;
  extended: (rule: JurisdictionRule, amount: ExtensionAmount, start: PeriodStart, end: LocalDate) => string;
  noExtension: (code: string) => string;
  extensionLimits: (most: ExtensionAmount, noticeBy: LocalDate, maximum: LocalDate, rule: JurisdictionRule, showNote: boolean) => string;
  acknowledge: (date: LocalDate, rule: JurisdictionRule, region: string) => string;
  pausedNow: (since: LocalDate, due: LocalDate) => string;
  deemedRefusal: (due: LocalDate, citation: string) => string;
  dueBy: (due: LocalDate, timeZone: string) => string;
  pause: (on: LocalDate, code: string, rule: JurisdictionRule) => string;
  resume: (on: LocalDate, rule: JurisdictionRule, days: number, since: LocalDate) => string;
  restartRefused: (on: LocalDate, rule: JurisdictionRule) => string;
  restart: (on: LocalDate, rule: JurisdictionRule, droppedExtension: boolean, pauseSince: LocalDate | null) => string;
  extensionNotified: (
    on: LocalDate,
    reason: string,
    noticeBy: LocalDate,
    total: ExtensionAmount,
    citation: string,
    note?: string,
  ) => string;
};

const WEEKDAYS = {
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  fr: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
};

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

const enDate = (date: LocalDate) => `${isoDate(date)} (${WEEKDAYS.en[weekdayOf(date)]})`;
const enAmount = (amount: ExtensionAmount) =>
  [amount.months > 0 ? plural(amount.months, "month") : "", amount.days > 0 ? plural(amount.days, "day") : ""]
    .filter(Boolean)
    .join(" and ") || "nothing";
const enFrom = (start: PeriodStart) => (start.restartedOn === null ? "receipt" : `the restart on ${isoDate(start.restartedOn)}`);
const enCounting = (start: PeriodStart) => (start.countedFrom === null ? "" : `, counting ${isoDate(start.countedFrom)} as day 1`);

function english(region: string): ExplanationPhrases {
  return {
    ...en,
    businessDays: (start) =>
      `Business days: Monday to Friday except public holidays in ${region}, counting ${isoDate(start)} as day 1 when it is a business day.`,
  };
}

const en: ExplanationPhrases = {
  date: enDate,
  amount: enAmount,
  period: (rule) =>
    rule.period.unit === "month"
      ? plural(rule.period.length, "month")
      : rule.period.unit === "businessDay"
        ? plural(rule.period.length, "business day")
        : plural(rule.period.length, "calendar day"),
  extendedPeriod: (rule, amount) =>
    rule.period.unit === "day"
      ? plural(rule.period.length + amount.days, "calendar day")
      : enAmount({ months: rule.period.length + amount.months, days: amount.days }),
  receipt: (received, timeZone, instant) =>
    `Received ${enDate(received)} in ${timeZone}${instant ? ` (the instant ${instant} falls on that date there)` : ""}.`,
  otherRight: (code, rights, requestType) =>
    `${code} sets its period for ${rights.join(" and ")} requests; the same period is applied to this ${requestType} request, the earliest defensible reading.`,
  firstPeriod: (code, rule, start, end) =>
    `${code}: ${en.period(rule)} from ${enFrom(start)}${enCounting(start)} (${rule.citation}) → ${enDate(end)}.`,
  clamped: (clampedFrom, end) => `${clampedFrom} does not exist, so the period ends on the last day of that month, ${isoDate(end)}.`,
  clampedExtended: (clampedFrom, end) => `${clampedFrom} does not exist, so the extended period ends on ${isoDate(end)}.`,
  calendarDays: "Calendar days: a weekend or holiday at the end does not move the date.",
  businessDays: (start) =>
    `Business days: Monday to Friday except public holidays, counting ${isoDate(start)} as day 1 when it is a business day.`,
  ownRightRule: (requestType, code, citation) => `${requestType} requests have their own rule under ${code} (${citation}).`,
  plusPaused: (days, moved) => `Plus ${plural(days, "paused day")} → ${enDate(moved)}.`,
  stands: (date, region) => `${enDate(date)} is a working day in ${region}, so it stands.`,
  moved: (skipped, date, citation) =>
    `${skipped.map((day) => `${day.date} is ${day.reason}`).join("; ")}; moved to the next working day, ${enDate(date)} (${citation}).`,
  readingUsed: (settled, other) =>
    `Reading used: paused days are added to the period's end before moving to a working day; adding them to ${isoDate(settled)} instead would give ${isoDate(other)}. The earlier, defensible date is kept.`,
  extended: (rule, amount, start, end) =>
    `Extended: ${en.extendedPeriod(rule, amount)} from ${enFrom(start)}${enCounting(start)} → ${enDate(end)}.`,
  noExtension: (code) => `${code} allows no extension.`,
  extensionLimits: (most, noticeBy, maximum, rule, showNote) =>
    `Extension: up to ${enAmount(most)} more, notified with reasons by ${isoDate(noticeBy)} (within the first period); the latest date it can reach is ${isoDate(maximum)} (${rule.extension?.citation}).${showNote && rule.extension?.note ? ` ${rule.extension.note}.` : ""}`,
  acknowledge: (date, rule, region) =>
    `Acknowledge by ${enDate(date)}: ${plural(rule.acknowledgement?.length ?? 0, "business day")} (Monday to Friday, not public holidays in ${region}), counting the day of receipt as day 1 when it is a business day, the earlier reading (${rule.acknowledgement?.citation}).`,
  pausedNow: (since, due) =>
    `The clock has been stopped since ${isoDate(since)} waiting for an answer; ${isoDate(due)} assumes none of those days count yet and will move later by the days until the answer arrives.`,
  deemedRefusal: (due, citation) =>
    `Silence at the end of ${isoDate(due)} counts as a refusal the person can complain about (${citation}).`,
  dueBy: (due, timeZone) => `Due by the end of ${enDate(due)} in ${timeZone}.`,
  pause: (on, code, rule) =>
    `Information asked for on ${enDate(on)}: ${
      rule.pauseMovesClock
        ? "the clock stops until the answer arrives"
        : `recorded, but ${code} does not stop the clock, so the deadline does not move`
    } (${rule.pauseRule}).`,
  resume: (on, rule, days, since) => {
    if (!rule.pauseMovesClock) return `Answer received on ${enDate(on)}: recorded; the deadline does not move.`;
    const effect =
      days === 0
        ? "the same day it was asked for, so nothing moves"
        : `the ${plural(days, "day")} since ${isoDate(since)} ${days === 1 ? "does" : "do"} not count, so the deadline moves ${plural(days, "day")} later`;
    return `Answer received on ${enDate(on)}: ${effect}.`;
  },
  restartRefused: (on, rule) =>
    `Identity, authority or fee received on ${enDate(on)}: recorded, but the clock does not restart (${rule.restartRule}).`,
  restart: (on, rule, droppedExtension, pauseSince) =>
    `Identity, authority or fee received on ${enDate(on)}: the period starts again from that day (${rule.restartRule}).${
      droppedExtension
        ? " The extension notified earlier belonged to the old period and no longer applies; notify again within the new first period if needed."
        : ""
    }${pauseSince !== null ? ` The pause open since ${isoDate(pauseSince)} ends with the restart.` : ""}`,
  extensionNotified: (on, reason, noticeBy, total, citation, note) =>
    `Extension notified on ${enDate(on)} (reason: ${reason}), by ${isoDate(noticeBy)} as required: ${enAmount(total)} more in all (${citation}).${note ? ` ${note}.` : ""}`,
};

const frPlural = (count: number, one: string, other: string) => `${count} ${count <= 1 ? one : other}`;
const frDate = (date: LocalDate) => `${isoDate(date)} (${WEEKDAYS.fr[weekdayOf(date)]})`;
const frAmount = (amount: ExtensionAmount) =>
  [amount.months > 0 ? `${amount.months} mois` : "", amount.days > 0 ? frPlural(amount.days, "jour", "jours") : ""]
    .filter(Boolean)
    .join(" et ") || "rien";
const frFrom = (start: PeriodStart) =>
  start.restartedOn === null ? "la réception" : `la reprise du délai le ${isoDate(start.restartedOn)}`;
const frCounting = (start: PeriodStart) =>
  start.countedFrom === null ? "" : `, le ${isoDate(start.countedFrom)} comptant comme premier jour`;
const frRequestType: Record<string, string> = {
  access: "d’accès",
  rectification: "de rectification",
  erasure: "d’effacement",
  portability: "de portabilité",
  opt_out: "d’opposition à la vente ou au partage",
  limit_sensitive: "de limitation des données sensibles",
  restriction: "de limitation du traitement",
  objection: "d’opposition",
};
/** "RGPD du Royaume-Uni" for UK_GDPR; a US state's act by its own name. */
const frLaw = (code: string): string => {
  const names: Record<string, string> = catalogues.fr.staffLabels.law;
  if (Object.hasOwn(names, code)) return names[code];
  return Object.hasOwn(jurisdictionRules, code) ? jurisdictionRules[code as keyof typeof jurisdictionRules].name : code;
};
const frReason = (day: SkippedDay, region: string) =>
  day.holiday
    ? `un jour férié (${day.holiday}, ${holidayRegionName(region, "fr")})`
    : `un ${WEEKDAYS.fr[new Date(`${day.date}T12:00:00Z`).getUTCDay()]}`;

/** French: the rule's English prose is replaced by its citation. The region is named in the sentences that use it. */
function french(region: string): ExplanationPhrases {
  return {
    date: frDate,
    amount: frAmount,
    period: (rule) =>
      rule.period.unit === "month"
        ? `${rule.period.length} mois`
        : rule.period.unit === "businessDay"
          ? frPlural(rule.period.length, "jour ouvré", "jours ouvrés")
          : frPlural(rule.period.length, "jour calendaire", "jours calendaires"),
    extendedPeriod: (rule, amount) =>
      rule.period.unit === "day"
        ? frPlural(rule.period.length + amount.days, "jour calendaire", "jours calendaires")
        : frAmount({ months: rule.period.length + amount.months, days: amount.days }),
    receipt: (received, timeZone, instant) =>
      `Reçue le ${frDate(received)}, fuseau ${timeZone}${instant ? ` (l’instant ${instant} tombe ce jour-là dans ce fuseau)` : ""}.`,
    otherRight: (code, rights, requestType) =>
      `Délai fixé par la loi (${frLaw(code)}) pour les demandes ${rights.map((right) => frRequestType[right] ?? right).join(" et ")}\u00a0; le même délai est appliqué à cette demande ${frRequestType[requestType] ?? requestType}, la lecture la plus prudente.`,
    firstPeriod: (code, rule, start, end) =>
      `${frLaw(code)}\u00a0: ${french(region).period(rule)} à compter de ${frFrom(start)}${frCounting(start)} (${rule.citation}) → ${frDate(end)}.`,
    clamped: (clampedFrom, end) =>
      `Le ${clampedFrom} n’existe pas\u00a0: le délai se termine le dernier jour de ce mois, le ${isoDate(end)}.`,
    clampedExtended: (clampedFrom, end) => `Le ${clampedFrom} n’existe pas\u00a0: le délai prolongé se termine le ${isoDate(end)}.`,
    calendarDays: "Jours calendaires\u00a0: un week-end ou un jour férié en fin de délai ne déplace pas la date.",
    businessDays: (start) =>
      `Jours ouvrés\u00a0: du lundi au vendredi, hors jours fériés (${holidayRegionName(region, "fr")}), le ${isoDate(start)} comptant comme premier jour s’il est ouvré.`,
    ownRightRule: (requestType, code, citation) =>
      `Les demandes ${frRequestType[requestType] ?? requestType} ont leur propre règle (${frLaw(code)}, ${citation}).`,
    plusPaused: (days, moved) => `Plus ${frPlural(days, "jour de suspension", "jours de suspension")} → ${frDate(moved)}.`,
    stands: (date, where) => `Le ${frDate(date)} est un jour ouvré (${holidayRegionName(where, "fr")})\u00a0: la date est maintenue.`,
    moved: (skipped, date, citation) =>
      `${skipped.map((day) => `le ${day.date} est ${frReason(day, region)}`).join("\u00a0; ")}\u00a0; reporté au jour ouvré suivant, le ${frDate(date)} (${citation}).`.replace(
        /^l/,
        "L",
      ),
    readingUsed: (settled, other) =>
      `Lecture retenue\u00a0: les jours de suspension sont ajoutés à la fin du délai avant le report au jour ouvré\u00a0; les ajouter au ${isoDate(settled)} donnerait le ${isoDate(other)}. La date la plus proche, défendable, est retenue.`,
    extended: (rule, amount, start, end) =>
      `Prolongé\u00a0: ${french(region).extendedPeriod(rule, amount)} à compter de ${frFrom(start)}${frCounting(start)} → ${frDate(end)}.`,
    noExtension: (code) => `Aucune prolongation possible (${frLaw(code)}).`,
    extensionLimits: (most, noticeBy, maximum, rule) =>
      `Prolongation\u00a0: jusqu’à ${frAmount(most)} de plus, si elle est notifiée avec ses motifs au plus tard le ${isoDate(noticeBy)} (dans le premier délai)\u00a0; elle ne peut aller au-delà du ${isoDate(maximum)} (${rule.extension?.citation}).`,
    acknowledge: (date, rule, where) =>
      `Accusé de réception au plus tard le ${frDate(date)}\u00a0: ${frPlural(rule.acknowledgement?.length ?? 0, "jour ouvré", "jours ouvrés")} (du lundi au vendredi, hors jours fériés\u00a0: ${holidayRegionName(where, "fr")}), le jour de réception comptant comme premier jour s’il est ouvré, la lecture la plus prudente (${rule.acknowledgement?.citation}).`,
    pausedNow: (since, due) =>
      `Le délai est suspendu depuis le ${isoDate(since)} dans l’attente d’une réponse\u00a0; le ${isoDate(due)} suppose qu’aucun de ces jours ne compte encore et sera reporté d’autant de jours jusqu’à la réponse.`,
    deemedRefusal: (due, citation) =>
      `Une absence de réponse à la fin du ${isoDate(due)} vaut refus, contre lequel la personne peut porter plainte (${citation}).`,
    dueBy: (due, timeZone) => `Réponse due au plus tard à la fin du ${frDate(due)}, fuseau ${timeZone}.`,
    pause: (on, code, rule) =>
      `Informations demandées le ${frDate(on)}\u00a0: ${
        rule.pauseMovesClock
          ? "le délai est suspendu jusqu’à la réponse"
          : `c’est noté, mais la loi applicable (${frLaw(code)}) ne suspend pas le délai\u00a0: l’échéance ne bouge pas`
      } (${rule.citation}).`,
    resume: (on, rule, days, since) => {
      if (!rule.pauseMovesClock) return `Réponse reçue le ${frDate(on)}\u00a0: c’est noté\u00a0; l’échéance ne bouge pas.`;
      const effect =
        days === 0
          ? "le jour même de la demande, rien ne bouge"
          : `${days === 1 ? "le jour écoulé" : `les ${days} jours écoulés`} depuis le ${isoDate(since)} ne ${days === 1 ? "compte" : "comptent"} pas\u00a0: l’échéance est reportée de ${frPlural(days, "jour", "jours")}`;
      return `Réponse reçue le ${frDate(on)}\u00a0: ${effect}.`;
    },
    restartRefused: (on, rule) =>
      `Identité, mandat ou frais reçus le ${frDate(on)}\u00a0: c’est noté, mais le délai ne repart pas de zéro (${rule.citation}).`,
    restart: (on, rule, droppedExtension, pauseSince) =>
      `Identité, mandat ou frais reçus le ${frDate(on)}\u00a0: le délai repart de ce jour (${rule.citation}).${
        droppedExtension
          ? " La prolongation notifiée auparavant portait sur l’ancien délai et ne s’applique plus\u00a0; la notifier à nouveau dans le nouveau premier délai si nécessaire."
          : ""
      }${pauseSince !== null ? ` La suspension ouverte depuis le ${isoDate(pauseSince)} prend fin avec cette reprise.` : ""}`,
    extensionNotified: (on, reason, noticeBy, total, citation) =>
      `Prolongation notifiée le ${frDate(on)} (motif\u00a0: ${reason}), au plus tard le ${isoDate(noticeBy)} comme requis\u00a0: ${frAmount(total)} de plus au total (${citation}).`,
  };
}

export function explanationPhrases(language: ExplanationLanguage, region: string): ExplanationPhrases {
  return language === "fr" ? french(region) : english(region);
}
