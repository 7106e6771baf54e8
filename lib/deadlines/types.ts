export const REQUEST_TYPES = [
  "access",
  "rectification",
  "erasure",
  "portability",
  "opt_out",
  "limit_sensitive",
  "restriction",
  "objection",
] as const;

export type RequestType = (typeof REQUEST_TYPES)[number];

export type PeriodUnit = "month" | "day" | "businessDay";

/**
 * A right whose clock or verification differs from the law's main period (e.g. the CCPA's opt-out:
 * 15 business days, no identity verification). Fields left out are the law's own.
 */
export type RightRule = {
  period?: { unit: PeriodUnit; length: number };
  citation: string;
  extension?: JurisdictionRule["extension"];
  acknowledgement?: JurisdictionRule["acknowledgement"];
  /** False where the law forbids asking for identity proof for this right (only what is needed to act). */
  identityVerification: boolean;
};

/**
 * One jurisdiction's deadline rules, transcribed from the law (see /LEGAL.md). The engine reads these
 * fields and nothing else, so a new law is a new row, not new code.
 */
export type JurisdictionRule = {
  name: string;
  /** ISO 3166-1 countries ("FR") and ISO 3166-2 subdivisions ("US-CA") where people are covered. */
  appliesTo: readonly string[];
  /**
   * The rights the law grants; the form offers only these. A request for another right gets the
   * same period, flagged, when the company honours it voluntarily.
   */
  rights: readonly RequestType[];
  /** Rights with their own period or verification rule. */
  rightRules?: Partial<Record<RequestType, RightRule>>;
  period: { unit: PeriodUnit; length: number };
  citation: string;
  /**
   * Month periods end on a working day (Reg. 1182/71 Art. 3(4), ICO guidance); day periods in these laws
   * are calendar days with no roll-forward.
   */
  rollForward: { citation: string } | null;
  extension: {
    unit: PeriodUnit;
    /** The extra amount at most, on top of the first period. */
    length: number;
    /** The notice must be sent within the first period (after any pause it moved). */
    noticeWithin: "firstPeriod";
    /** US statutes say "extended once"; the GDPR caps the total instead. */
    once: boolean;
    citation: string;
    /** Said in the explanation when the law leaves the maximum open and the row chose one. */
    note?: string;
  } | null;
  acknowledgement: { unit: "businessDay"; length: number; citation: string } | null;
  pauseMovesClock: boolean;
  /** Why a pause does or does not move the deadline, with the citation; quoted in the explanation. */
  pauseRule: string;
  restartAllowed: boolean;
  restartRule: string;
  /** Silence at the deadline counts as a refusal the person can challenge. */
  deemedRefusalOnSilence: boolean;
};

export type DeadlineResult = {
  /** YYYY-MM-DD in the controller's time zone; the deadline is the end of that day. */
  dueDate: string;
  acknowledgeBy: string | null;
  /** Last day an extension notice may be sent; null where the law allows none. */
  extensionNoticeBy: string | null;
  /** The latest date an extension can reach; null where the law allows none. */
  maxExtendedDueDate: string | null;
  extended: boolean;
  /** A pause with no answer yet, under a law where a pause stops the clock. */
  paused: boolean;
  /** Each step a person can check, with the legal citation. */
  explanation: string[];
};
