// Guesses whether a column holds personal data, and of which data category (the taxonomy of
// lib/data-map/data-map.schema.ts), from its name and from the counts the sampler found in it.
// Every guess says how sure it is and why, in words a reviewer can check.
import type { DataCategory } from "../data-map/data-map.schema.ts";
import type { CatalogColumn, ColumnSample, ValuePattern } from "./source-catalog.ts";

export type Confidence = "high" | "medium" | "low";

export type ColumnGuess = {
  column: string;
  category: DataCategory;
  confidence: Confidence;
  reason: string;
  /** What the values are (an email, a name…): the mask is chosen from it. */
  holds: string;
};

type NameRule = { name: RegExp; category: DataCategory; holds: string; pattern?: ValuePattern };

/** In order: the first rule whose name pattern matches wins (email_address is an email, not an address). */
const NAME_RULES: NameRule[] = [
  { name: /(^|_)e_?mails?(_|$)|email/, category: "contact", holds: "email address", pattern: "email" },
  { name: /(^|_)(ip|ip_?addr(ess)?|remote_addr)(_|$)/, category: "online-identifiers", holds: "IP address", pattern: "ip-address" },
  {
    name: /(^|_)(user_agent|device_id|device_token|cookie_id|session_id|advertising_id)(_|$)/,
    category: "online-identifiers",
    holds: "browser or device identifier",
  },
  { name: /(^|_)(phone|mobile|tel|telephone|fax|cell|msisdn)(_|$)|phone/, category: "contact", holds: "phone number", pattern: "phone" },
  {
    name: /(^|_)(first|given|full|nick|display|fore|contact|customer|person)_?names?(_|$)|^(forename|firstname)$/,
    category: "identity",
    holds: "person's name",
    pattern: "person-name",
  },
  // Family names are too varied for a list: the name alone decides.
  { name: /(^|_)(last|family|sur|maiden|middle)_?names?(_|$)|^(surname|lastname)$/, category: "identity", holds: "person's name" },
  {
    name: /(^|_)(birth_?date|date_of_birth|dob|birthday|born(_on)?)(_|$)/,
    category: "identity",
    holds: "birth date",
    pattern: "birth-date",
  },
  {
    name: /(^|_)(address(_line)?_?\d?|street|addr|line_?\d)(_|$)/,
    category: "contact",
    holds: "postal address",
    pattern: "postal-address",
  },
  { name: /(^|_)(postal_?code|post_?code|zip(_?code)?)(_|$)/, category: "contact", holds: "postal code" },
  {
    name: /(^|_)(lat|latitude|lng|lon|longitude|geo|geolocation|coordinates|gps)(_|$)/,
    category: "precise-location",
    holds: "geographic position",
  },
  { name: /(^|_)(city|town|country|country_code|region|province|county|state)(_|$)/, category: "location", holds: "place" },
  {
    name: /(^|_)(card_?(number|no|num)?|pan|iban|bic|swift|account_?number|bank_?account|cc_?num(ber)?|credit_?card)(_|$)/,
    category: "financial",
    holds: "payment card or bank account number",
    pattern: "card-number",
  },
  { name: /(^|_)(amount|total|price|subtotal|tax|balance|refund)(_|$)/, category: "transactions", holds: "amount" },
  {
    name: /(^|_)(password|passwd|pwd|password_hash|secret|token|api_key|otp|totp|recovery_codes?)(_|$)/,
    category: "account-credentials",
    holds: "credential",
  },
  {
    name: /(^|_)(ssn|social_security(_number)?|passport(_number)?|national_id|tax_id|vat_number|driver_?licen[cs]e|id_card|nino)(_|$)/,
    category: "government-id",
    holds: "government identifier",
  },
  { name: /(^|_)(username|user_name|login|handle|screen_name)(_|$)/, category: "online-identifiers", holds: "user name" },
  { name: /(^|_)(gender|sex|nationality|age|marital_status)(_|$)/, category: "demographic", holds: "demographic detail" },
  { name: /(^|_)(health|diagnosis|allerg(y|ies)|medical|disability|blood_type)(_|$)/, category: "health", holds: "health detail" },
  { name: /(^|_)(religion|faith)(_|$)/, category: "religious-beliefs", holds: "religion" },
  { name: /(^|_)(ethnicity|ethnic_origin|race)(_|$)/, category: "racial-ethnic-origin", holds: "ethnic origin" },
  { name: /(^|_)(political|political_party)(_|$)/, category: "political-opinions", holds: "political opinion" },
  { name: /(^|_)(union_member(ship)?|trade_union)(_|$)/, category: "trade-union", holds: "trade-union membership" },
  { name: /(^|_)(sexual_orientation)(_|$)/, category: "sex-life-orientation", holds: "sexual orientation" },
  { name: /(^|_)(criminal_record|conviction)s?(_|$)/, category: "criminal-records", holds: "criminal record" },
  { name: /(^|_)(fingerprint|face_template|biometric)(_|$)/, category: "biometric", holds: "biometric data" },
  { name: /(^|_)(photo|avatar|picture|portrait|voice|recording|video)(_|$)/, category: "audio-visual", holds: "picture or recording" },
  { name: /(^|_)(job_title|occupation|employer|company_name|position)(_|$)/, category: "professional", holds: "professional detail" },
  { name: /(^|_)(school|degree|diploma|education)(_|$)/, category: "education", holds: "education detail" },
  { name: /(^|_)(message|body|comment|note|notes|subject|content|reply)(_|$)/, category: "communications", holds: "message text" },
  { name: /(^|_)(last_login(_at)?|last_seen(_at)?|last_visit(_at)?)(_|$)/, category: "behavioural", holds: "activity time" },
  { name: /(^|_)(score|segment|propensity|churn_risk|interests?)(_|$)/, category: "inferences", holds: "inference" },
];

/** What each pattern of the sampler means, for columns whose name says nothing. */
const PATTERN_CATEGORY: Record<ValuePattern, { category: DataCategory; holds: string }> = {
  email: { category: "contact", holds: "email address" },
  phone: { category: "contact", holds: "phone number" },
  "person-name": { category: "identity", holds: "person's name" },
  "postal-address": { category: "contact", holds: "postal address" },
  "ip-address": { category: "online-identifiers", holds: "IP address" },
  "birth-date": { category: "identity", holds: "birth date" },
  "card-number": { category: "financial", holds: "payment card or bank account number" },
};

/** "lastName", "Last-Name", "LAST_NAME" → "last_name". */
export function normalizedName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase()
    .replace(/^_|_$/g, "");
}

/**
 * The guess for one column, or null when nothing says it is personal. `personTable` is true for
 * tables about people (a bare `name` column there is a person's name; in `city` it is not).
 */
export function classifyColumn(column: CatalogColumn, sample: ColumnSample | undefined, personTable: boolean): ColumnGuess | null {
  const name = normalizedName(column.name);
  // A number named like a key (address_id, TeamId) points to a row; that row is judged on its own.
  if (column.kind === "number" && /(^|_)id$/.test(name)) return null;
  const rule =
    NAME_RULES.find((candidate) => candidate.name.test(name)) ??
    (personTable && /^(name|full_name)$/.test(name)
      ? { name: /^name$/, category: "identity" as const, holds: "person's name", pattern: "person-name" as const }
      : undefined);
  if (rule) return byName(column.name, rule, sample);
  return byContent(column.name, sample);
}

function byName(column: string, rule: NameRule, sample: ColumnSample | undefined): ColumnGuess {
  const base = { column, category: rule.category, holds: rule.holds };
  const said = `the name says ${rule.holds}`;
  if (!rule.pattern) return { ...base, confidence: "medium", reason: `${said} (no value pattern to check it against)` };
  if (!sample || sample.values === 0) return { ...base, confidence: "medium", reason: `${said}; no value was sampled to confirm it` };
  const matched = sample.matches[rule.pattern] ?? 0;
  const ratio = `${matched} of ${sample.values} sampled values`;
  if (matched * 2 >= sample.values) return { ...base, confidence: "high", reason: `${said} and ${ratio} look like one` };
  if (matched > 0) return { ...base, confidence: "medium", reason: `${said}; only ${ratio} look like one` };
  if (sample.values >= 3)
    return { ...base, confidence: "low", reason: `${said}, but none of ${sample.values} sampled values looks like one` };
  return { ...base, confidence: "medium", reason: `${said}; the ${sample.values} sampled value(s) do not confirm it` };
}

function byContent(column: string, sample: ColumnSample | undefined): ColumnGuess | null {
  if (!sample || sample.values === 0) return null;
  const best = (Object.entries(sample.matches) as Array<[ValuePattern, number]>).sort((a, b) => b[1] - a[1])[0];
  if (!best) return null;
  const [pattern, matched] = best;
  if (matched * 5 < sample.values * 4) return null;
  const { category, holds } = PATTERN_CATEGORY[pattern];
  const reason = `${matched} of ${sample.values} sampled values look like a ${holds} (the name does not say)`;
  return { column, category, holds, confidence: sample.values >= 3 ? "medium" : "low", reason };
}
