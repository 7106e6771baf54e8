// The yearly metrics of CCPA regs §7102 per right: requests received, complied with in whole or in
// part, denied (a request that could never be verified counts as denied, §7102(a)(2), with the
// grounds broken down), and the median and mean days to respond; and the share answered on time per
// jurisdiction. Computed by PostgreSQL in two aggregate queries, whatever the number of rows.
import { db } from "../db.ts";
import { REQUEST_TYPES, type RequestType } from "../deadlines/types.ts";
import type { ReportPeriod } from "./report-query.ts";
import { daysBeforeDueSql, daysToRespondSql, openSql, periodWhereSql, respondedSql } from "./report-sql.ts";

type Counts = {
  received: number;
  /** Answered: completed or denied (withdrawn and expired requests got no answer). */
  responded: number;
  /** Answered on or before the due date. */
  onTime: number;
  /** Answered after the due date. */
  late: number;
  /** onTime / responded, from 0 to 1; null when nothing was answered. */
  onTimeShare: number | null;
};

export type RightMetrics = Counts & {
  right: RequestType | "all";
  compliedInWhole: number;
  compliedInPart: number;
  /** Refused by staff, or closed because the person never confirmed their address (not verifiable). */
  denied: number;
  /** Of the denied: not verifiable (identity not verified, or expired unconfirmed). */
  deniedUnverifiable: number;
  /** Of the denied: the information is exempt (a legal exception applies). */
  deniedExempt: number;
  /** Of the denied: any other grounds (unfounded or excessive, no data held, other). */
  deniedOther: number;
  withdrawn: number;
  /** Of the denied unverifiable: closed automatically because the address was never confirmed. */
  expiredUnverified: number;
  /** Still open when the report was produced. */
  pending: number;
  medianDays: number | null;
  meanDays: number | null;
};

export type JurisdictionMetrics = Counts & {
  jurisdiction: string | "all";
  pending: number;
  /** Still open and past their due date on the day of the report. */
  pendingOverdue: number;
};

export type RequestMetrics = { byRight: RightMetrics[]; byJurisdiction: JurisdictionMetrics[] };

type RightRow = Omit<RightMetrics, "right" | "late" | "onTimeShare"> & { type: string | null };
type JurisdictionRow = Omit<JurisdictionMetrics, "jurisdiction" | "late" | "onTimeShare"> & { jurisdiction: string | null };

/** `today` (YYYY-MM-DD, the controller's calendar) decides which open requests are overdue. */
export async function computeRequestMetrics(period: ReportPeriod, today: string): Promise<RequestMetrics> {
  const where = periodWhereSql(period);
  const rights = await db().$queryRaw<RightRow[]>`
    WITH scoped AS (
      SELECT type, status, outcome, "denialReason", ${respondedSql} AS responded, ${daysToRespondSql} AS days, ${daysBeforeDueSql} AS margin
      FROM requests WHERE ${where}
    )
    SELECT type::text AS type,
      count(*)::int AS received,
      count(*) FILTER (WHERE status = 'COMPLETED' AND outcome IS DISTINCT FROM 'PARTIALLY_FULFILLED')::int AS "compliedInWhole",
      count(*) FILTER (WHERE status = 'COMPLETED' AND outcome = 'PARTIALLY_FULFILLED')::int AS "compliedInPart",
      count(*) FILTER (WHERE status IN ('DENIED', 'EXPIRED'))::int AS denied,
      count(*) FILTER (WHERE status = 'EXPIRED' OR (status = 'DENIED' AND "denialReason" = 'IDENTITY_NOT_VERIFIED'))::int AS "deniedUnverifiable",
      count(*) FILTER (WHERE status = 'DENIED' AND "denialReason" = 'EXEMPTION_APPLIES')::int AS "deniedExempt",
      count(*) FILTER (WHERE status = 'DENIED' AND "denialReason" IS DISTINCT FROM 'IDENTITY_NOT_VERIFIED'
        AND "denialReason" IS DISTINCT FROM 'EXEMPTION_APPLIES')::int AS "deniedOther",
      count(*) FILTER (WHERE status = 'WITHDRAWN')::int AS withdrawn,
      count(*) FILTER (WHERE status = 'EXPIRED')::int AS "expiredUnverified",
      count(*) FILTER (WHERE ${openSql})::int AS pending,
      count(*) FILTER (WHERE responded)::int AS responded,
      count(*) FILTER (WHERE responded AND margin >= 0)::int AS "onTime",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE responded) AS "medianDays",
      (avg(days) FILTER (WHERE responded))::float8 AS "meanDays"
    FROM scoped GROUP BY ROLLUP (type)`;
  const jurisdictions = await db().$queryRaw<JurisdictionRow[]>`
    WITH scoped AS (
      SELECT jurisdiction, status, "dueDate", ${respondedSql} AS responded, ${daysBeforeDueSql} AS margin
      FROM requests WHERE ${where}
    )
    SELECT jurisdiction,
      count(*)::int AS received,
      count(*) FILTER (WHERE responded)::int AS responded,
      count(*) FILTER (WHERE responded AND margin >= 0)::int AS "onTime",
      count(*) FILTER (WHERE ${openSql})::int AS pending,
      count(*) FILTER (WHERE ${openSql} AND "dueDate" < ${today}::date)::int AS "pendingOverdue"
    FROM scoped GROUP BY ROLLUP (jurisdiction) ORDER BY jurisdiction NULLS LAST`;

  const byType = new Map(rights.map((row) => [row.type, row]));
  const byRight = [...REQUEST_TYPES.map((type) => type.toUpperCase() as Uppercase<RequestType>), null].map((type) => {
    const { type: _type, ...row } = byType.get(type) ?? emptyRightRow();
    return {
      right: type === null ? ("all" as const) : (type.toLowerCase() as RequestType),
      ...row,
      ...timeliness(row),
      meanDays: row.meanDays === null ? null : Math.round(row.meanDays * 100) / 100,
    };
  });
  const byJurisdiction = jurisdictions
    .filter((row) => row.jurisdiction !== null || jurisdictions.length > 1)
    .map(({ jurisdiction, ...row }) => ({ jurisdiction: jurisdiction ?? "all", ...row, ...timeliness(row) }));
  return { byRight, byJurisdiction };
}

function timeliness(row: { responded: number; onTime: number }) {
  return {
    late: row.responded - row.onTime,
    onTimeShare: row.responded === 0 ? null : Math.round((row.onTime / row.responded) * 10_000) / 10_000,
  };
}

function emptyRightRow(): RightRow {
  return {
    type: null,
    received: 0,
    compliedInWhole: 0,
    compliedInPart: 0,
    denied: 0,
    deniedUnverifiable: 0,
    deniedExempt: 0,
    deniedOther: 0,
    withdrawn: 0,
    expiredUnverified: 0,
    pending: 0,
    responded: 0,
    onTime: 0,
    medianDays: null,
    meanDays: null,
  };
}
