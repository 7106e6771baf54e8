// The SQL the register and the metrics share, so both date and count a request the same way.
//
// Days are local calendar days on the request's own clock (its `timeZone`, the one its deadline
// was computed in): a request received at 23:30 UTC on 31 January in Paris was received on
// 1 February. Timestamps are stored as UTC without a zone, hence the double AT TIME ZONE.
import { Prisma } from "../generated/prisma/client.ts";
import { openStatuses } from "../requests/request-status.ts";
import type { ReportPeriod } from "./report-query.ts";

const MS_PER_DAY = 86_400_000;

/** The day the request was received. */
export const receivedDaySql = Prisma.sql`(("receivedAt" AT TIME ZONE 'UTC') AT TIME ZONE "timeZone")::date`;

/** Answered: completed (in whole or in part) or denied. Withdrawn and expired requests got no answer. */
export const respondedSql = Prisma.sql`(status IN ('COMPLETED', 'DENIED') AND "closedAt" IS NOT NULL)`;

/** Still open: someone has to act on it. */
export const openSql = Prisma.sql`(status::text IN (${Prisma.join(openStatuses)}))`;

/** The day of the answer: the day an answered request was closed; null for every other request. */
export const responseDaySql = Prisma.sql`(CASE WHEN ${respondedSql} THEN (("closedAt" AT TIME ZONE 'UTC') AT TIME ZONE "timeZone")::date END)`;

/** Calendar days from the day of receipt to the day of the answer (same day = 0). */
export const daysToRespondSql = Prisma.sql`(${responseDaySql} - ${receivedDaySql})`;

/** Days between the answer and the due date: positive early, 0 on the due date, negative late. */
export const daysBeforeDueSql = Prisma.sql`("dueDate" - ${responseDaySql})`;

/**
 * Every request that may have been received in the period, by instant only (and the jurisdiction
 * if one is named): no time zone is more than 14 hours from UTC, so one day either side of the
 * period holds every candidate. This alone lets the planner estimate rows well and walk the
 * receivedAt index in order; `inPeriodSql` then decides on the local day.
 */
export function periodRangeSql(period: ReportPeriod): Prisma.Sql {
  const lower = utcTimestamp(Date.parse(`${period.from}T00:00:00Z`) - MS_PER_DAY);
  const upper = utcTimestamp(Date.parse(`${period.to}T00:00:00Z`) + 2 * MS_PER_DAY);
  const jurisdiction = period.jurisdiction ? Prisma.sql`AND jurisdiction = ${period.jurisdiction}` : Prisma.empty;
  return Prisma.sql`"receivedAt" >= ${lower}::timestamp AND "receivedAt" < ${upper}::timestamp ${jurisdiction}`;
}

/** Received in the period: the local day of receipt is between from and to, both included. */
export function inPeriodSql(period: ReportPeriod): Prisma.Sql {
  return Prisma.sql`(${receivedDaySql} BETWEEN ${period.from}::date AND ${period.to}::date)`;
}

/** Requests received in the period, in the jurisdiction if one is named. */
export function periodWhereSql(period: ReportPeriod): Prisma.Sql {
  return Prisma.sql`${periodRangeSql(period)} AND ${inPeriodSql(period)}`;
}

/** A UTC instant as a zone-less timestamp literal, compared exactly with the stored columns. */
export function utcTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").replace("Z", "");
}
