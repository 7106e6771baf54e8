// The legal deadline and why it is that day (the engine's explanation, with citations).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { daysLeftLabel, formatDay, formatInstant } from "./format.ts";

export function DeadlineSection({ details, timeZone }: { details: RequestDetails; timeZone: string }) {
  const { deadline } = details;
  return (
    <section aria-labelledby="deadline-heading" className="request-section">
      <h2 id="deadline-heading">Deadline</h2>
      <p className="deadline-summary">
        Due <strong>{formatDay(deadline.dueDate)}</strong> ({daysLeftLabel(deadline.daysLeft)})
        {deadline.paused ? ", clock paused while waiting for the person" : ""}
        {deadline.extended ? ", extended" : ""}.
      </p>
      <dl className="facts">
        <dt>Law</dt>
        <dd>{deadline.law}</dd>
        <dt>Acknowledge by</dt>
        <dd>
          {deadline.acknowledgeBy
            ? `${formatDay(deadline.acknowledgeBy)}${deadline.acknowledgedAt ? ` (acknowledged ${formatInstant(deadline.acknowledgedAt, timeZone)})` : ""}`
            : deadline.acknowledgedAt
              ? `not required by this law; acknowledged all the same on ${formatInstant(deadline.acknowledgedAt, timeZone)}`
              : "not required by this law"}
        </dd>
        <dt>Extension notice by</dt>
        <dd>{deadline.extensionNoticeBy ? formatDay(deadline.extensionNoticeBy) : "the law allows no extension"}</dd>
        <dt>Latest extended date</dt>
        <dd>{deadline.maxExtendedDueDate ? formatDay(deadline.maxExtendedDueDate) : "—"}</dd>
      </dl>
      <h3>Why this date</h3>
      <ol className="deadline-explanation">
        {deadline.explanation.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ol>
    </section>
  );
}
