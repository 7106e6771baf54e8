// The connectors page's list: every connector (never its config) with what its tasks did in the
// last seven days and how many are still open, counted in SQL per connector.
import { db } from "../db.ts";

const WEEK_MS = 7 * 24 * 3_600_000;

export type ConnectorSummary = Awaited<ReturnType<typeof listConnectors>>[number];

export async function listConnectors(now = new Date()) {
  const since = new Date(now.getTime() - WEEK_MS);
  const [connectors, finished, open] = await Promise.all([
    db().connector.findMany({
      orderBy: { key: "asc" },
      select: {
        id: true,
        key: true,
        name: true,
        type: true,
        actions: true,
        enabled: true,
        concurrency: true,
        rateLimitPerSecond: true,
        maxAttempts: true,
        updatedAt: true,
        dataMap: true,
      },
    }),
    db().connectorTask.groupBy({
      by: ["connectorId", "status"],
      where: { status: { in: ["SUCCEEDED", "FAILED"] }, finishedAt: { gte: since } },
      _count: { _all: true },
      _max: { finishedAt: true },
    }),
    db().connectorTask.groupBy({
      by: ["connectorId"],
      where: { status: { notIn: ["SUCCEEDED", "FAILED"] } },
      _count: { _all: true },
    }),
  ]);
  return connectors.map((connector) => {
    const mine = finished.filter((row) => row.connectorId === connector.id);
    const count = (status: string) => mine.find((row) => row.status === status)?._count._all ?? 0;
    const last = mine.map((row) => row._max.finishedAt).filter((at): at is Date => at !== null);
    const { dataMap, ...fields } = connector;
    return {
      ...fields,
      /** Whether its data map says why its data is kept (the record of processing says "not described" otherwise). */
      described: dataMap !== null,
      actions: connector.actions.map((action) => action.toLowerCase()),
      lastWeek: {
        succeeded: count("SUCCEEDED"),
        failed: count("FAILED"),
        lastFinishedAt: last.length ? new Date(Math.max(...last.map((at) => at.getTime()))) : null,
      },
      openTasks: open.find((row) => row.connectorId === connector.id)?._count._all ?? 0,
    };
  });
}
