// Everything that happened to the request, oldest first: audit events, emails and clock events.
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { formatInstant } from "./format.ts";
import { RawRecord } from "./receipt-view.tsx";

const kindLabel = { event: "Event", email: "Email", clock: "Clock" } as const;

export function TimelineSection({ details, timeZone }: { details: RequestDetails; timeZone: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="request-section">
      <h2 id="timeline-heading">Timeline</h2>
      <p className="hint">Times in {timeZone}.</p>
      <ol className="timeline">
        {details.timeline.map((entry) => (
          <li key={entry.key} className={`timeline__entry timeline__entry--${entry.kind}`}>
            <time dateTime={entry.at.toISOString()}>{formatInstant(entry.at, timeZone)}</time>{" "}
            <span className="timeline__kind">{kindLabel[entry.kind]}</span> <strong>{entry.label}</strong>{" "}
            <span className="timeline__actor">by {entry.actor}</span>
            {entry.detail ? <div className="timeline__detail prewrap">{entry.detail}</div> : null}
            {/* The audit event's name and data: for an auditor who wants them, folded away from the story. */}
            {entry.record ? <RawRecord label="Raw record" value={entry.record} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
