// Counts, for one column's sampled values, how many look like an email, a phone number, a person's
// name, a postal address, an IP address, a birth date or a payment card number. Only the counts
// leave this function: the values themselves are never returned, logged or kept.
import { isIP } from "node:net";
import type { ColumnKind, ColumnSample, ValuePattern } from "./source-catalog.ts";

const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}$/;
const PHONE_SHAPE = /^\+?[\d\s().-]{7,22}$/;
const STREET_WORD =
  /(^|[\s,])(rue|street|st|avenue|ave|road|rd|boulevard|blvd|bd|lane|ln|drive|dr|way|place|pl|quai|chemin|allée|allee|impasse|court|ct|square|sq|strasse|straße|str|weg|via|calle|plaza|cours|route)(\.|,|\s|$)/i;
const NAME_TOKEN = /^[\p{L}][\p{L}'’-]*$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/**
 * Given names common in the languages the portal serves: a value whose first word is one of them
 * reads as a person's name ("Jane", "Jane Doe"). City or product names rarely start with one.
 */
const GIVEN_NAMES = new Set(
  (
    "aaron adam adrian ahmed aisha alain alex alexander alexandre alice alicia amelia amy ana andrea andreas andrew anna anne antoine " +
    "antonio arthur ben benjamin bob brian camille carla carlos carol caroline catherine charles charlotte chloe chris christian " +
    "christine christopher claire daniel david dave diana diego dominique edward elena elizabeth ella emily emma eric eva fatima " +
    "francesca francois françois frank gabriel george giulia grace hannah harry helen henry hugo isabelle jack jacques james jan jane " +
    "jean jennifer jessica joe johanna john jonathan jose josé joseph julia julie juliette karen kate kevin laura lea léa leo léo " +
    "linda lisa louis louise lucas lucie luis luka manon marc marco margaret maria marie mark martin mary mathilde matthew max " +
    "michael michel mike mohamed mohammed nathalie nicolas nina noah olivia oliver omar oscar patricia paul peter philippe pierre " +
    "rachel raphael raphaël richard robert rose ryan sam samuel sara sarah sebastien sébastien sophie stephanie stéphane steve susan " +
    "thomas tim tom valerie valérie victor william yann yasmine zoe zoé"
  ).split(" "),
);

export function countValuePatterns(values: Iterable<string | null>, kind: ColumnKind): ColumnSample {
  const matches: Partial<Record<ValuePattern, number>> = {};
  let seen = 0;
  const count = (pattern: ValuePattern) => {
    matches[pattern] = (matches[pattern] ?? 0) + 1;
  };
  for (const raw of values) {
    if (raw === null) continue;
    const value = raw.trim();
    if (value === "") continue;
    seen++;
    if (kind === "date" || kind === "timestamp") {
      if (looksLikeBirthDate(value, kind)) count("birth-date");
      continue;
    }
    if (kind !== "text" && kind !== "number" && kind !== "other") continue;
    if (EMAIL.test(value)) count("email");
    else if (isIP(value) !== 0) count("ip-address");
    else if (looksLikeCardNumber(value)) count("card-number");
    else if (kind === "text" && looksLikePhone(value)) count("phone");
    else if (kind === "text" && looksLikePersonName(value)) count("person-name");
    else if (kind === "text" && looksLikePostalAddress(value)) count("postal-address");
  }
  return { values: seen, matches };
}

function looksLikePhone(value: string): boolean {
  if (!PHONE_SHAPE.test(value)) return false;
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  // A bare run of digits is more often an identifier than a phone number: want a + or a separator.
  return value.startsWith("+") || /[\s().-]/.test(value);
}

function looksLikePersonName(value: string): boolean {
  const words = value.split(/\s+/);
  if (words.length > 4 || !words.every((word) => NAME_TOKEN.test(word))) return false;
  return GIVEN_NAMES.has(words[0].toLowerCase());
}

function looksLikePostalAddress(value: string): boolean {
  return /\d/.test(value) && STREET_WORD.test(value) && value.length <= 200;
}

/** A calendar day between 1900 and 2012: old enough to be someone's birth, too old to be an event of an account. */
function looksLikeBirthDate(value: string, kind: ColumnKind): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  // A birth date is a day; a timestamp counts only at midnight.
  if (kind === "timestamp" && !/[ T]00:00:00(\.0+)?(Z|[+-]00(:?00)?)?$/.test(value)) return false;
  return year >= 1900 && year <= 2012;
}

/** 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn check. */
export function looksLikeCardNumber(value: string): boolean {
  if (!/^\d[\d -]{11,22}\d$/.test(value)) return false;
  const digits = value.replace(/[ -]/g, "");
  if (digits.length < 13 || digits.length > 19 || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
