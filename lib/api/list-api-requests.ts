// `GET /api/v1/requests`: one page of requests, filtered, sorted and paged in the database. The
// filters map onto the (status, dueDate), (type, status, dueDate) and (jurisdiction, status,
// dueDate) indexes; the page's task progress is one grouped query over just its rows.
import type { z } from "zod";
import { db } from "../db.ts";
import type { Prisma, RequestStatus, RequestType } from "../generated/prisma/client.ts";
import { summarySelect, taskProgress, toRequestSummary } from "./request-views.ts";
import type { ListRequestsQuery } from "./staff-api.schema.ts";
import type { requestListSchema } from "./staff-api-responses.schema.ts";

export async function listApiRequests(query: ListRequestsQuery, now = new Date()): Promise<z.input<typeof requestListSchema>> {
  const where: Prisma.DsarRequestWhereInput = {
    ...(query.status ? { status: { in: query.status.map((s) => s.toUpperCase() as RequestStatus) } } : {}),
    ...(query.type ? { type: { in: query.type.map((t) => t.toUpperCase() as RequestType) } } : {}),
    ...(query.jurisdiction ? { jurisdiction: { in: query.jurisdiction } } : {}),
    ...(query.dueBefore ? { dueDate: { lt: new Date(`${query.dueBefore}T00:00:00.000Z`) } } : {}),
  };
  // The id breaks ties, so a row never shows on two pages (or none) when many share a due date.
  const orderBy: Prisma.DsarRequestOrderByWithRelationInput[] = [{ [query.sort]: query.order }, { id: query.order }];
  const [rows, total] = await Promise.all([
    db().dsarRequest.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: summarySelect,
    }),
    db().dsarRequest.count({ where }),
  ]);
  const counts =
    rows.length === 0
      ? []
      : await db().connectorTask.groupBy({
          by: ["requestId", "status"],
          where: { requestId: { in: rows.map((r) => r.id) } },
          _count: { _all: true },
        });
  const data = rows.map((row) =>
    toRequestSummary(
      row,
      taskProgress(counts.filter((c) => c.requestId === row.id).map((c) => ({ status: c.status, count: c._count._all }))),
      now,
    ),
  );
  return { data, page: query.page, pageSize: query.pageSize, total };
}
