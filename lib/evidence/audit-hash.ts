// The canonical encoding of an audit event and its SHA-256. Anyone can recompute it offline:
// JSON with keys sorted at every level, instants as ISO 8601 with milliseconds in UTC.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditFields = {
  requestId: string | null;
  actorType: string;
  actorId: string | null;
  action: string;
  data: unknown;
  at: string;
  prevHash: string;
  requestPrevHash: string | null;
};

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function auditEventHash(fields: HashedAuditFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/** What a batch seal's hash covers: numbers as decimal strings, the instant as ISO 8601 UTC with milliseconds. */
export type HashedSealFields = {
  id: string;
  firstSeq: string;
  lastSeq: string;
  prevEventHash: string;
  eventsHash: string;
  prevSealHash: string;
  sealedAt: string;
};

/** SHA-256 of a batch's event hashes in chain order, joined by newlines. */
export function sealEventsHash(eventHashes: readonly string[]): string {
  return createHash("sha256").update(eventHashes.join("\n")).digest("hex");
}

export function auditSealHash(fields: HashedSealFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/** The hashed fields of a stored event, with the chain fields given (stored ones, or those being sealed). */
export function hashedFieldsOfRow(
  row: { requestId: string | null; actorType: string; actorId: string | null; action: string; data: unknown; at: Date },
  chain: { prevHash: string | null; requestPrevHash: string | null },
): HashedAuditFields {
  const { requestId, actorType, actorId, action, data } = row;
  return {
    requestId,
    actorType,
    actorId,
    action,
    data,
    at: row.at.toISOString(),
    prevHash: chain.prevHash ?? "",
    requestPrevHash: chain.requestPrevHash,
  };
}

/** The hashed fields of a stored seal. */
export function hashedSealFieldsOfRow(row: {
  id: bigint;
  firstSeq: bigint;
  lastSeq: bigint;
  prevEventHash: string;
  eventsHash: string;
  prevSealHash: string;
  sealedAt: Date;
}): HashedSealFields {
  return {
    id: row.id.toString(),
    firstSeq: row.firstSeq.toString(),
    lastSeq: row.lastSeq.toString(),
    prevEventHash: row.prevEventHash,
    eventsHash: row.eventsHash,
    prevSealHash: row.prevSealHash,
    sealedAt: row.sealedAt.toISOString(),
  };
}
