// The record of processing as the page and the API give it: built from the map as it is now (or
// from one version), with the version it matches, the list of versions to choose from and, for a
// date, what changed since the version current at the start of that day in the controller's time
// zone.
import { db } from "../db.ts";
import { env } from "../env.ts";
import { AppError } from "../errors.ts";
import { buildProcessingRecord, type ProcessingRecord } from "./build-processing-record.ts";
import { compareDataMaps, type DataMapChange } from "./compare-data-maps.ts";
import type { DataMapLocale } from "./data-map.schema.ts";
import { type ParsedDataMap, parseDataMapSnapshot, snapshotDataMap, snapshotHash } from "./data-map-snapshot.ts";

export type VersionSummary = { number: number; createdAt: string };

export type ProcessingRecordAnswer = {
  record: ProcessingRecord;
  /** The version shown: the one asked for, or the latest when the current map matches it (null before any version). */
  version: VersionSummary | null;
  /** Whether this is the map as it is now. */
  current: boolean;
  since: { date: string; version: VersionSummary | null; changes: DataMapChange[] } | null;
  versions: VersionSummary[];
};

export async function getProcessingRecord(query: {
  lang: DataMapLocale;
  version?: number;
  since?: string;
}): Promise<ProcessingRecordAnswer> {
  const rows = await db().dataMapVersion.findMany({ orderBy: { number: "desc" }, select: { number: true, createdAt: true, sha256: true } });
  const versions = rows.map(summary);
  let map: ParsedDataMap;
  let version: VersionSummary | null;
  if (query.version !== undefined) {
    const row = await db().dataMapVersion.findUnique({ where: { number: query.version } });
    if (!row) {
      const latest = rows[0]?.number;
      const message = latest ? `There is no version ${query.version}; the latest is ${latest}.` : "No version of the data map exists yet.";
      const text = latest
        ? { key: "staffReports.record.problem.noSuchVersion", values: { version: query.version, latest } }
        : { key: "staffReports.record.problem.noVersionYet" };
      throw new AppError("NOT_FOUND", message, { issues: [{ path: "version", message }], text });
    }
    map = parseDataMapSnapshot(row.snapshot);
    version = summary(row);
  } else {
    const live = await snapshotDataMap(db());
    map = parseDataMapSnapshot(live);
    version = rows[0] && rows[0].sha256 === snapshotHash(live) ? versions[0] : null;
  }
  const current = query.version === undefined || query.version === rows[0]?.number;
  return { record: buildProcessingRecord(map, query.lang), version, current, since: await changesSince(query, map), versions };
}

async function changesSince(query: { lang: DataMapLocale; since?: string }, map: ParsedDataMap) {
  if (!query.since) return null;
  // The version current when the day began: the last one created on an earlier local day.
  const [base] = await db().$queryRaw<Array<{ number: number; createdAt: Date; snapshot: unknown }>>`
    SELECT "number", "createdAt", "snapshot" FROM data_map_versions
    WHERE ("createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${env().CONTROLLER_TIME_ZONE})::date < ${query.since}::date
    ORDER BY "number" DESC LIMIT 1`;
  return {
    date: query.since,
    version: base ? summary(base) : null,
    changes: compareDataMaps(base ? parseDataMapSnapshot(base.snapshot) : null, map, query.lang),
  };
}

function summary(row: { number: number; createdAt: Date }): VersionSummary {
  return { number: row.number, createdAt: row.createdAt.toISOString() };
}
