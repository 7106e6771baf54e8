// How long personal data is kept: download packages after they are ready, and the person's
// details on closed requests. Admins set both in the Setting row "retention"
// (app/staff/settings/retention); until they do, the defaults below apply.
//
// Packages: a new package's link expiry is set from packageDays when it is built. The daily
// retention purge brings any later expiry forward to "ready + packageDays", so a package is kept for
// the shorter of the two and shortening the setting also shortens packages already sent.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { env } from "../env.ts";

export const RETENTION_SETTING_KEY = "retention";

/**
 * CCPA regs §7101(a) keep request records for at least 24 months. The de-identified record (the
 * register and metrics) stays after the purge; this is how long the person's details stay with it.
 */
export const DEFAULT_CLOSED_REQUEST_MONTHS = 24;

const wholeNumber = (what: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${what} must be a number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be at least ${min}`)
    .max(max, `${what} must be at most ${max}`);

/** The bounds of each setting (the package bounds are DOWNLOAD_TTL_DAYS's own). */
export const retentionBounds = { packageDays: { min: 1, max: 90 }, closedRequestMonths: { min: 1, max: 120 } } as const;

export const retentionSettingsSchema = z.strictObject({
  /** Days a download package is kept after it is ready. */
  packageDays: wholeNumber("Days to keep download packages", retentionBounds.packageDays.min, retentionBounds.packageDays.max),
  /** Months after a request is closed before the person's details are removed from it. */
  closedRequestMonths: wholeNumber(
    "Months to keep the details of closed requests",
    retentionBounds.closedRequestMonths.min,
    retentionBounds.closedRequestMonths.max,
  ),
});

export type RetentionSettings = z.output<typeof retentionSettingsSchema>;

export type EffectiveRetentionSettings = RetentionSettings & {
  /** Where the values come from: the admins' setting, or the defaults. */
  source: "setting" | "default";
  updatedAt?: Date;
  updatedById?: string | null;
};

export function defaultRetentionSettings(): RetentionSettings {
  return { packageDays: env().DOWNLOAD_TTL_DAYS, closedRequestMonths: DEFAULT_CLOSED_REQUEST_MONTHS };
}

/**
 * The settings in force. A stored value no admin could have saved throws rather than falling back:
 * purging on a guess could remove details an admin chose to keep longer.
 */
export async function readRetentionSettings(tx?: Tx): Promise<EffectiveRetentionSettings> {
  return retentionSettingsOf(await (tx ?? db()).setting.findUnique({ where: { key: RETENTION_SETTING_KEY } }));
}

/** The settings in force, from the "retention" row already read (or null when there is none). */
export function retentionSettingsOf(
  row: { value: unknown; updatedAt: Date; updatedById: string | null } | null | undefined,
): EffectiveRetentionSettings {
  if (!row) return { source: "default", ...defaultRetentionSettings() };
  return { source: "setting", ...parseStoredRetentionSetting(row.value), updatedAt: row.updatedAt, updatedById: row.updatedById };
}

/**
 * A stored setting that fails its schema. The message (English) is for the log and the purge's
 * failure; the settings page shows each issue in the admin's language (its English text is one of
 * the check messages, staffChecks.settings).
 */
export class InvalidRetentionSetting extends Error {
  readonly issues: Array<{ path: string; message: string }>;
  constructor(issues: Array<{ path: string; message: string }>) {
    const problem = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    super(`The stored retention setting is not valid (${problem}); save it again on /staff/settings/retention`);
    this.name = "InvalidRetentionSetting";
    this.issues = issues;
  }
}

export function parseStoredRetentionSetting(value: unknown): RetentionSettings {
  const parsed = retentionSettingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new InvalidRetentionSetting(
    parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "value", message: issue.message })),
  );
}
