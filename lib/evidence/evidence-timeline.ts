// The request's audit events for a bundle, read in pages of about a thousand rows in chain order (the
// (requestId, chainSeq) index), up to a fixed last position: positions are given once, in order, and
// the log refuses changes, so reading it twice (once for the JSON, once for the CSV) gives the same
// events in the same order.
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

export type TimelineBounds = { requestId: string; reference: string; lastSeq: bigint; pageSize?: number };

/** The events, one page per yielded array. */
export async function* timelinePages(bounds: TimelineBounds): AsyncGenerator<TimelineEvent[]> {
  const pageSize = bounds.pageSize ?? TIMELINE_PAGE_SIZE;
  let after = 0n;
  let index = 0;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { requestId: bounds.requestId, chainSeq: { gt: after, lte: bounds.lastSeq } },
      orderBy: { chainSeq: "asc" },
      take: pageSize,
    });
    if (rows.length === 0) return;
    yield rows.map((row) => ({
      index: index++,
      id: row.id.toString(),
      seq: String(row.chainSeq),
      requestId: row.requestId,
      actorType: row.actorType,
      actorId: row.actorId,
      action: row.action,
      data: row.data,
      at: row.at.toISOString(),
      // Sealed rows (chainSeq set) have every chain field.
      prevHash: row.prevHash as string,
      requestPrevHash: row.requestPrevHash,
      hash: row.hash as string,
    }));
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1].chainSeq as bigint;
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
  for await (const page of timelinePages(bounds)) yield page.map((event) => timelineCsvRow(event)).join("");
}
