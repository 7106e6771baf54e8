// One page of the request register, in the order requests were received. Keyset paging on
// (receivedAt, id) along the receivedAt index: every page costs the same however deep into a
// year of millions of rows.
import { db } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { RegisterRow } from "./register-columns.ts";
import type { ReportPeriod } from "./report-query.ts";
import {
  daysBeforeDueSql,
  daysToRespondSql,
  inPeriodSql,
  periodRangeSql,
  receivedDaySql,
  responseDaySql,
  utcTimestamp,
} from "./report-sql.ts";

export type RegisterCursor = { receivedAt: Date; id: string };

export async function readRegisterPage(
  period: ReportPeriod,
  options: { after?: RegisterCursor | null; limit: number },
): Promise<{ rows: RegisterRow[]; next: RegisterCursor | null }> {
  const at = options.after ? utcTimestamp(options.after.receivedAt.getTime()) : null;
  const after = options.after
    ? Prisma.sql`AND "receivedAt" >= ${at}::timestamp AND ("receivedAt", id) > (${at}::timestamp, ${options.after.id}::uuid)`
    : Prisma.empty;
  const rows = await db().$queryRaw<Array<RegisterRow & { inPeriod: boolean }>>`
    SELECT ${inPeriodSql(period)} AS "inPeriod", id::text AS id, reference, jurisdiction, type::text AS type, channel::text AS channel, "receivedAt",
      to_char(${receivedDaySql}, 'YYYY-MM-DD') AS "receivedDate", to_char("dueDate", 'YYYY-MM-DD') AS "dueDate",
      extended, status::text AS status, outcome::text AS outcome, to_char(${responseDaySql}, 'YYYY-MM-DD') AS "responseDate",
      "decidedAt", "closedAt", "denialReason"::text AS "denialReason",
      ${daysToRespondSql} AS "daysToRespond", ${daysBeforeDueSql} AS "daysBeforeDue"
    FROM requests
    WHERE ${periodRangeSql(period)} ${after}
    ORDER BY requests."receivedAt", requests.id
    LIMIT ${options.limit}`;
  // The cursor moves past every row read, also those a time zone puts outside the period.
  const last = rows.at(-1);
  return {
    rows: rows.filter((row) => row.inPeriod).map(({ inPeriod: _inPeriod, ...row }) => row),
    next: rows.length === options.limit && last ? { receivedAt: last.receivedAt, id: last.id } : null,
  };
}
