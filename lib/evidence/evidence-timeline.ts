// The request's audit events for a bundle, read in pages of about a thousand rows by id (the
// (requestId, id) index), up to a fixed last event: the log is append-only, so reading it twice
// (once for the JSON, once for the CSV) gives the same events in the same order.
import { db } from "../db.ts";
import {
  TIMELINE_JSON_TAIL,
  type TimelineEvent,
  timelineCsvHead,
  timelineCsvRow,
  timelineJsonEvent,
  timelineJsonHead,
} from "./evidence-bundle-format.ts";

export const TIMELINE_PAGE_SIZE = 1000;

export type TimelineBounds = { requestId: string; reference: string; lastEventId: bigint; pageSize?: number };

/** The events, one page per yielded array. */
export async function* timelinePages(bounds: TimelineBounds): AsyncGenerator<TimelineEvent[]> {
  const pageSize = bounds.pageSize ?? TIMELINE_PAGE_SIZE;
  let after = 0n;
  let index = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { requestId: bounds.requestId, id: { gt: after, lte: bounds.lastEventId } },
      orderBy: { id: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      index: index++,
      id: row.id.toString(),
      requestId: row.requestId,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      data: row.data,
      at: row.at.toISOString(),
      prevHash: row.prevHash,
      requestPrevHash: row.requestPrevHash,
      hash: row.hash,
    }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].id;
  }
}

/** timeline.json, one chunk per page; `seen` learns how many events went in and the last one. */
export async function* timelineJsonChunks(bounds: TimelineBounds, seen: { events: number; last?: TimelineEvent }) {
  yield timelineJsonHead(bounds);
  for await (const page of timelinePages(bounds)) {
    seen.events += page.length;
    seen.last = page[page.length - 1];
    yield page.map(timelineJsonEvent).join("");
  }
  yield TIMELINE_JSON_TAIL;
}

export async function* timelineCsvChunks(bounds: TimelineBounds) {
  yield timelineCsvHead();
  for await (const page of timelinePages(bounds)) yield page.map(timelineCsvRow).join("");
}
