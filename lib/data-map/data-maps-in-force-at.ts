// The data map as it stood at an instant: the last recorded version made at or before it, per
// source key (null where that source had no map then, or its map no longer parses). Null when no
// version had been recorded yet, so the caller falls back to today's map.
import { db } from "../db.ts";
import type { DataMap } from "./data-map.schema.ts";
import { parseDataMapSnapshot } from "./data-map-snapshot.ts";

export async function dataMapsInForceAt(at: Date): Promise<Map<string, DataMap | null> | null> {
  const version = await db().dataMapVersion.findFirst({
    where: { createdAt: { lte: at } },
    orderBy: { number: "desc" },
    select: { snapshot: true },
  });
  if (!version) return null;
  return new Map(parseDataMapSnapshot(version.snapshot).sources.map((source) => [source.key, source.dataMap]));
}
