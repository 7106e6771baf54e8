// The contract every data-source connector implements (DESIGN.md, "The connector contract").
// The fan-out knows nothing of a connector's type: it calls these functions through the registry.
import type { z } from "zod";
import type { FieldFormat } from "./value-formats.ts";

/**
 * Who the request is about: only identifiers that are proven, built in one place
 * (`lib/fulfilment/connector-subject.ts`). A connector may find the person's data with each of
 * them; nothing typed but unproven (the name, an unconfirmed account number) ever gets here.
 *
 * Usually the proven email, with a confirmed account id when there is one. An opt-out the
 * company's own integration relays may name the person by account id alone (`email: null`): a
 * source that can only find people by email finds nobody then, and says so.
 */
export type Subject =
  | {
      /** The address the person proved they control (the link or code sent to it). */
      email: string;
      /**
       * An account number staff confirmed belongs to this person (`accountIdConfirmedAt`); absent
       * while it is only what the person typed. Narrows a match made on the email, or finds tables
       * mapped by account number alone; never widens a match on its own.
       */
      accountId?: string | null;
    }
  | {
      email: null;
      /** An account id the company's own integration vouched for (an integration-role API key). */
      accountId: string;
    };

/** A correction asked for on the form: `field` is the form's field name (fullName, email, …) or free text. */
export type Correction = { field: string; correctValue: string; currentValue?: string };

/**
 * One record found about the person: `source` names the system, `category` the kind of data (a table,
 * an API resource). `formats` names, where the source knows it, the format of each field written as
 * text (an exact number, a date…); fields it leaves out are plain JSON.
 */
export type AccessRecord = {
  source: string;
  category: string;
  fields: Record<string, unknown>;
  formats?: Record<string, FieldFormat>;
};

export type EraseStrategy = "delete" | "mask" | "retain";

/** What a source did to erase: counts and reasons only, never the personal values. */
export type EraseReceipt = {
  affected: number;
  details: Array<{ category: string; strategy: EraseStrategy; rows: number; reason?: string; columns?: Record<string, string> }>;
};

/** What a source corrected; fields it has no mapping for are reported, never silently dropped. */
export type RectifyReceipt = {
  applied: Array<{ field: string; category: string; column: string; rows: number }>;
  unmapped: string[];
};

/**
 * The rights that switch something off rather than read or change the person's data: opt-out of
 * sale/sharing, limiting sensitive data, restriction (Art. 18), objection (Art. 21).
 */
export const PREFERENCE_KINDS = ["opt_out", "limit_sensitive", "restriction", "objection"] as const;
export type PreferenceKind = (typeof PREFERENCE_KINDS)[number];

export function isPreferenceKind(value: string): value is PreferenceKind {
  return (PREFERENCE_KINDS as readonly string[]).includes(value);
}

/** What a source switched off and where: the category (table), the settings written, the rows. Never personal values. */
export type PreferenceReceipt = {
  kind: PreferenceKind;
  /**
   * What could not be reached for this person, and why: tables and suppression lists found by email
   * only, when the request names the person by account id alone. Left out when everything was.
   */
  notReached?: Array<{ category: string; reason: string }>;
  switchedOff: Array<{
    category: string;
    settings: Record<string, string | number | boolean | null>;
    rows: number;
    /** What the person reads for `category` where no data map describes it (a suppression list). */
    label?: string | { en: string; fr?: string };
  }>;
};

/** An action a source finishes later: the http connector's 202 + callback, a manual task. */
export type Deferred = { deferred: "callback"; until: Date } | { deferred: "staff" };

/**
 * Where a task left waiting for a callback stands, as the source says when asked (`poll`) or when
 * it calls back (`readCallback`). `receipt` holds counts, statuses and times only; `records` are
 * the access results to stage, when the source hands them over.
 */
export type LaterAnswer =
  | { state: "waiting" }
  | { state: "done"; receipt: Record<string, unknown>; records?: AsyncIterable<AccessRecord> }
  | { state: "failed"; message: string };

/** A callback checked by its connector type: refused (bad signature, not this task) or read. */
export type CallbackReading = { ok: true; answer: LaterAnswer } | { ok: false; reason: string };

/**
 * What a connector's test found. `message` is the whole answer in English (the command line, logs);
 * when the test lists problems or advice (the SQL types' live checks), `summary` is its first
 * sentence and `findings` the items one by one, so a page can list them in the reader's language
 * (lib/i18n/localise-test-result.ts). Every text is one of the check messages (staffChecks).
 */
export type TestResult = { ok: boolean; message: string; summary?: string; findings?: TestFinding[] };
export type TestFinding = { path?: string; message: string };

/** Passed to every call: the task being worked, for idempotency keys and callbacks. */
export type ConnectorContext = {
  taskId: string;
  requestId: string;
  reference: string;
  /** The right being exercised: access and portability read the same data, shaped differently. */
  action: "access" | "portability" | "erasure" | "rectification" | PreferenceKind;
  signal?: AbortSignal;
};

/** A problem found in a connector's configuration, with where it is (for apply-connectors FILE). */
export type ConfigProblem = { path: Array<string | number>; message: string };

export type ConnectorType<Config> = {
  type: string;
  /** Validates the stored/declared configuration (secrets included). */
  configSchema: z.ZodType<Config>;
  /** Paths of the config values that are secrets: never logged, never sent to a browser. */
  secretPaths: string[][];
  /**
   * The categories its records carry (`AccessRecord.category`: a table, a collection) when the config
   * lists them, so a data map can be checked against them; a reference category (film titles, cities)
   * needs no data map entry. Left out when the source names its own categories (http, manual).
   */
  categories?(config: Config): Array<{ name: string; reference: boolean }>;
  /** Deeper checks against the live system (unknown table or column, a join that does not hold). */
  check?(config: Config): Promise<ConfigProblem[]>;
  test(config: Config): Promise<TestResult>;
  /** Records at once (an iterable, possibly after an awaited call), or an answer to wait for. */
  access(
    config: Config,
    subject: Subject,
    context: ConnectorContext,
  ): AsyncIterable<AccessRecord> | Promise<AsyncIterable<AccessRecord> | Deferred>;
  erase(config: Config, subject: Subject, context: ConnectorContext): Promise<EraseReceipt | Deferred>;
  rectify(config: Config, subject: Subject, corrections: Correction[], context: ConnectorContext): Promise<RectifyReceipt | Deferred>;
  /**
   * For a task waiting for a callback: asks the source how it stands, every `pollIntervalSeconds`,
   * so a lost callback does not leave the task waiting until its deadline.
   */
  poll?(config: Config, context: ConnectorContext): Promise<LaterAnswer>;
  pollIntervalSeconds?(config: Config): number;
  /**
   * Checks and reads a callback for a task (the type's own signature scheme, over the raw body) when
   * the type does not use the http connector's. Nothing is parsed before the signature holds.
   */
  readCallback?(config: Config, rawBody: string, headers: Headers, context: ConnectorContext): CallbackReading;
  /**
   * The request was withdrawn or closed while the source was working on a task: asks it to stop.
   * "refused" when the source says it is too late (the work started); throws to be tried again.
   */
  cancel?(config: Config, context: ConnectorContext): Promise<"cancelled" | "refused">;
  /**
   * Opt-out, limit, restriction, objection: sets what the config maps for `kind` on the person's
   * own rows. A type without it is skipped for these rights (no task is made for it).
   */
  applyPreference?(
    config: Config,
    subject: Subject,
    kind: PreferenceKind,
    context: ConnectorContext,
  ): Promise<PreferenceReceipt | Deferred>;
};
