import type { JurisdictionRule } from "./types.ts";

const ALL_RIGHTS = ["access", "rectification", "erasure", "portability", "opt_out"] as const;

/**
 * The shape shared by the Virginia-model statutes: 45 calendar days from receipt, extendable once by 45
 * with notice inside the first 45, and no clock stop while the consumer is authenticated.
 */
function consumerPrivacyAct(
  name: string,
  state: string,
  citation: string,
  overrides: { periodDays?: number; extensionDays?: number } = {},
) {
  const periodDays = overrides.periodDays ?? 45;
  return {
    name,
    appliesTo: [state],
    rights: ALL_RIGHTS,
    // Opt-out keeps the state's period and extension but needs no authentication (LEGAL.md).
    rightRules: {
      opt_out: {
        citation: `${citation}; opt-out requests need no authentication`,
        identityVerification: false,
      },
    },
    period: { unit: "day", length: periodDays },
    citation,
    rollForward: null,
    extension: {
      unit: "day",
      length: overrides.extensionDays ?? 45,
      noticeWithin: "firstPeriod",
      once: true,
      citation,
    },
    acknowledgement: null,
    pauseMovesClock: false,
    pauseRule: `${citation} counts ${periodDays} days from receipt; authenticating the consumer does not stop the clock`,
    restartAllowed: false,
    restartRule: `${citation} counts ${periodDays} days from receipt`,
    deemedRefusalOnSilence: false,
  } as const satisfies JurisdictionRule;
}

export const usStateRules = {
  US_CA: {
    name: "California Consumer Privacy Act",
    appliesTo: ["US-CA"],
    rights: [...ALL_RIGHTS, "limit_sensitive"],
    // "As soon as feasibly possible, but no later than 15 business days from the date the business
    // receives the request", with no extension, no acknowledgement step and no identity verification.
    rightRules: {
      opt_out: {
        period: { unit: "businessDay", length: 15 },
        extension: null,
        acknowledgement: null,
        citation: "Cal. Code Regs. tit. 11 §7026(d)-(f)",
        identityVerification: false,
      },
      limit_sensitive: {
        period: { unit: "businessDay", length: 15 },
        extension: null,
        acknowledgement: null,
        citation: "Cal. Code Regs. tit. 11 §7027(e)-(g)",
        identityVerification: false,
      },
    },
    period: { unit: "day", length: 45 },
    citation: "Cal. Civ. Code §1798.130(a)(2); Cal. Code Regs. tit. 11 §7021(b)",
    rollForward: null,
    extension: {
      unit: "day",
      length: 45,
      noticeWithin: "firstPeriod",
      once: true,
      citation: "Cal. Civ. Code §1798.130(a)(2); Cal. Code Regs. tit. 11 §7021(b)",
    },
    acknowledgement: { unit: "businessDay", length: 10, citation: "Cal. Code Regs. tit. 11 §7021(a)" },
    pauseMovesClock: false,
    pauseRule:
      "Cal. Code Regs. tit. 11 §7021(b): the 45 days begin on the day of receipt whatever time verification takes; deny the request if it is still unverified at the deadline",
    restartAllowed: false,
    restartRule: "Cal. Code Regs. tit. 11 §7021(b): the 45 days begin on the day of receipt whatever time verification takes",
    deemedRefusalOnSilence: false,
  },
  US_VA: consumerPrivacyAct("Virginia Consumer Data Protection Act", "US-VA", "Va. Code §59.1-577"),
  US_CO: consumerPrivacyAct("Colorado Privacy Act", "US-CO", "Colo. Rev. Stat. §6-1-1306"),
  US_CT: consumerPrivacyAct("Connecticut Data Privacy Act", "US-CT", "Conn. Gen. Stat. §42-518"),
  US_UT: consumerPrivacyAct("Utah Consumer Privacy Act", "US-UT", "Utah Code §13-61-203"),
  US_TX: consumerPrivacyAct("Texas Data Privacy and Security Act", "US-TX", "Tex. Bus. & Com. Code §541.052"),
  // Florida allows 15 more days, not 45 (Fla. Stat. §501.706(2)).
  US_FL: consumerPrivacyAct("Florida Digital Bill of Rights", "US-FL", "Fla. Stat. §501.706", { extensionDays: 15 }),
  US_OR: consumerPrivacyAct("Oregon Consumer Privacy Act", "US-OR", "Or. Rev. Stat. §646A.576"),
  US_MT: consumerPrivacyAct("Montana Consumer Data Privacy Act", "US-MT", "Mont. Code Ann. §30-14-2808"),
  US_IA: consumerPrivacyAct("Iowa Consumer Data Protection Act", "US-IA", "Iowa Code ch. 715D", { periodDays: 90 }),
  US_DE: consumerPrivacyAct("Delaware Personal Data Privacy Act", "US-DE", "Del. Code tit. 6 §12D-104"),
  US_NH: consumerPrivacyAct("New Hampshire Privacy Act", "US-NH", "N.H. Rev. Stat. §507-H:4"),
  US_NJ: consumerPrivacyAct("New Jersey Data Privacy Act", "US-NJ", "N.J. Stat. §56:8-166.7"),
  US_TN: consumerPrivacyAct("Tennessee Information Protection Act", "US-TN", "Tenn. Code Ann. §47-18-3304"),
  US_MN: consumerPrivacyAct("Minnesota Consumer Data Privacy Act", "US-MN", "Minn. Stat. §325M.14"),
  US_MD: consumerPrivacyAct("Maryland Online Data Privacy Act", "US-MD", "Md. Code, Com. Law §14-4605"),
  US_NE: consumerPrivacyAct("Nebraska Data Privacy Act", "US-NE", "Neb. Rev. Stat. §87-1108"),
  US_KY: consumerPrivacyAct("Kentucky Consumer Data Protection Act", "US-KY", "Ky. Rev. Stat. §367.3615"),
  US_IN: consumerPrivacyAct("Indiana Consumer Data Protection Act", "US-IN", "Ind. Code §24-15-3-1"),
  US_RI: consumerPrivacyAct("Rhode Island Data Transparency and Privacy Protection Act", "US-RI", "R.I. Gen. Laws §6-48.1-6"),
} as const satisfies Record<string, JurisdictionRule>;
