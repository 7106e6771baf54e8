import { usStateRules } from "./rules-us-states.ts";
import type { JurisdictionRule, RequestType } from "./types.ts";

/** EU member states, the outermost regions with their own ISO codes, and the EEA states (EEA Agreement, Annex XI). */
const EU_EEA_COUNTRIES: readonly string[] = [
  ..."AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "),
  ..."AX GF GP MQ RE YT MF".split(" "),
  ..."IS LI NO".split(" "),
];

const gdprMonthExtension = {
  unit: "month",
  length: 2,
  noticeWithin: "firstPeriod",
  once: false,
} as const;

/** Rows outside the United States; US state laws live in rules-us-states.ts. */
const internationalRules = {
  EU_GDPR: {
    name: "EU General Data Protection Regulation",
    appliesTo: EU_EEA_COUNTRIES,
    rights: ["access", "rectification", "erasure", "portability", "restriction", "objection"],
    period: { unit: "month", length: 1 },
    citation: "GDPR Art. 12(3); Reg. 1182/71 Art. 3",
    rollForward: { citation: "Reg. 1182/71 Art. 3(4)" },
    extension: { ...gdprMonthExtension, citation: "GDPR Art. 12(3)" },
    acknowledgement: null,
    pauseMovesClock: true,
    pauseRule:
      "EDPB Guidelines 01/2022: the period is suspended while the controller waits for the clarification or identity information it asked for",
    restartAllowed: false,
    restartRule:
      "under the GDPR the period runs from receipt (GDPR Art. 12(3)); waiting for identity information is recorded as a pause and resume",
    deemedRefusalOnSilence: false,
  },
  UK_GDPR: {
    name: "UK GDPR and Data Protection Act 2018",
    appliesTo: ["GB"],
    rights: ["access", "rectification", "erasure", "portability", "restriction", "objection"],
    period: { unit: "month", length: 1 },
    citation: "UK GDPR Art. 12(3); ICO 'Time limits for responding' guidance; DPA 2018 s54",
    rollForward: { citation: "ICO 'Time limits for responding' guidance" },
    extension: { ...gdprMonthExtension, citation: "UK GDPR Art. 12(3); ICO 'Time limits for responding' guidance" },
    acknowledgement: null,
    pauseMovesClock: true,
    pauseRule: "ICO 'Time limits for responding' guidance: the days between asking for clarification and receiving it do not count",
    restartAllowed: true,
    restartRule:
      "ICO 'Time limits for responding' guidance: the time limit runs from receipt of the requested ID, proof of authority or fee",
    deemedRefusalOnSilence: false,
  },
  CA_QC: {
    name: "Quebec Act respecting the protection of personal information in the private sector",
    appliesTo: ["CA-QC"],
    rights: ["access", "rectification"],
    period: { unit: "day", length: 30 },
    citation: "Quebec private-sector act s32 (Law 25)",
    rollForward: null,
    extension: null,
    acknowledgement: null,
    pauseMovesClock: false,
    pauseRule: "Quebec private-sector act s32 counts 30 days from receipt and does not stop the clock",
    restartAllowed: false,
    restartRule: "Quebec private-sector act s32 counts 30 days from receipt",
    deemedRefusalOnSilence: true,
  },
  CA_PIPEDA: {
    name: "Personal Information Protection and Electronic Documents Act",
    appliesTo: ["CA"],
    rights: ["access", "rectification"],
    period: { unit: "day", length: 30 },
    citation: "PIPEDA s8(3), s8(5)",
    rollForward: null,
    extension: { unit: "day", length: 30, noticeWithin: "firstPeriod", once: true, citation: "PIPEDA s8(4)" },
    acknowledgement: null,
    pauseMovesClock: false,
    pauseRule: "PIPEDA s8(3) counts 30 days from receipt and does not stop the clock",
    restartAllowed: false,
    restartRule: "PIPEDA s8(3) counts 30 days from receipt",
    deemedRefusalOnSilence: true,
  },
  BR_LGPD: {
    name: "Lei Geral de Proteção de Dados",
    appliesTo: ["BR"],
    rights: ["access"],
    period: { unit: "day", length: 15 },
    citation: "LGPD Art. 19(II)",
    rollForward: null,
    extension: null,
    acknowledgement: null,
    pauseMovesClock: false,
    pauseRule: "LGPD Art. 19(II) counts 15 days from the request and does not stop the clock",
    restartAllowed: false,
    restartRule: "LGPD Art. 19(II) counts 15 days from the request",
    deemedRefusalOnSilence: false,
  },
  CH_FADP: {
    name: "Swiss Federal Act on Data Protection",
    appliesTo: ["CH"],
    rights: ["access"],
    period: { unit: "day", length: 30 },
    citation: "FADP art. 25(7); DPO art. 18(1)",
    rollForward: null,
    extension: {
      unit: "day",
      length: 30,
      noticeWithin: "firstPeriod",
      once: false,
      citation: "DPO art. 18(2)",
      note: "DPO art. 18(2) sets no maximum, only a notice naming the new date; this engine caps the extension at 30 more days so the date stays early and checkable",
    },
    acknowledgement: null,
    pauseMovesClock: false,
    pauseRule: "DPO art. 18(1) counts 30 days from receipt and does not stop the clock",
    restartAllowed: false,
    restartRule: "DPO art. 18(1) counts 30 days from receipt",
    deemedRefusalOnSilence: false,
  },
} as const satisfies Record<string, JurisdictionRule>;

export const jurisdictionRules = {
  ...internationalRules,
  ...usStateRules,
} as const satisfies Record<string, JurisdictionRule>;

export type JurisdictionCode = keyof typeof jurisdictionRules;

export const JURISDICTIONS = Object.keys(jurisdictionRules) as [JurisdictionCode, ...JurisdictionCode[]];

export function isJurisdictionCode(value: string): value is JurisdictionCode {
  return Object.hasOwn(jurisdictionRules, value);
}

export function ruleFor(code: JurisdictionCode): JurisdictionRule {
  return jurisdictionRules[code];
}

/** A rule as it applies to one right: the law's row with the right's own period and verification laid over it. */
export type RightRuleView = JurisdictionRule & { identityVerification: boolean; rightCitation: string | null };

export function ruleForRight(code: JurisdictionCode, type: RequestType): RightRuleView {
  const rule: JurisdictionRule = jurisdictionRules[code];
  const own = rule.rightRules?.[type];
  if (!own) return { ...rule, identityVerification: true, rightCitation: null };
  return {
    ...rule,
    period: own.period ?? rule.period,
    extension: own.extension === undefined ? rule.extension : own.extension,
    acknowledgement: own.acknowledgement === undefined ? rule.acknowledgement : own.acknowledgement,
    identityVerification: own.identityVerification,
    rightCitation: own.citation,
  };
}

/** The rights the law of `code` grants, in the order the form lists them. */
export function rightsGranted(code: JurisdictionCode): readonly RequestType[] {
  return jurisdictionRules[code].rights;
}

/** False where the law says to ask only what is needed to act, not for proof of identity. */
export function identityVerificationRequired(code: JurisdictionCode, type: RequestType): boolean {
  return ruleForRight(code, type).identityVerification;
}
