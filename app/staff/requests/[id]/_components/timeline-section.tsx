// Everything that happened to the request, oldest first: audit events, emails and clock events.
// The entries come in the reader's language (getRequestDetails with their locale).
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { formatInstant } from "./format.ts";
import { RawRecord } from "./receipt-view.tsx";

export function TimelineSection({ details, timeZone }: { details: RequestDetails; timeZone: string }) {
  const t = useTranslations("staffRequest.timeline");
  const locale = useLocale();
  return (
    <section aria-labelledby="timeline-heading" className="request-section">
      <h2 id="timeline-heading">{t("heading")}</h2>
      <p className="hint">{t("timesIn", { timeZone })}</p>
      <ol className="timeline">
        {details.timeline.map((entry) => (
          <li key={entry.key} className={`timeline__entry timeline__entry--${entry.kind}`}>
            <time dateTime={entry.at.toISOString()}>{formatInstant(entry.at, locale, timeZone)}</time>{" "}
            <span className="timeline__kind">{t(`kind.${entry.kind}`)}</span> <strong>{entry.label}</strong>{" "}
            <span className="timeline__actor">{t("by", { actor: entry.actor })}</span>
            {entry.detail ? <div className="timeline__detail prewrap">{entry.detail}</div> : null}
            {/* The audit event's name and data: for an auditor who wants them, folded away from the story. */}
            {entry.record ? <RawRecord label={t("raw")} value={entry.record} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
