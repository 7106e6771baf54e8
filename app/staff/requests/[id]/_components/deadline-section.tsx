// The legal deadline and why it is that day (the engine's explanation, with citations).
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { daysLeftLabel, lawShortName } from "../../_components/labels.ts";
import { formatDay, formatInstant } from "./format.ts";

export function DeadlineSection({ details, timeZone }: { details: RequestDetails; timeZone: string }) {
  const { deadline } = details;
  const t = useTranslations("staffRequest.deadline");
  const labels = useTranslations("staffLabels");
  const locale = useLocale();
  const day = (value: string | null) => formatDay(value, locale);
  const at = (value: Date) => formatInstant(value, locale, timeZone);
  return (
    <section aria-labelledby="deadline-heading" className="request-section">
      <h2 id="deadline-heading">{t("heading")}</h2>
      <p className="deadline-summary">
        {t.rich("summary", {
          day: day(deadline.dueDate),
          left: daysLeftLabel(deadline.daysLeft, labels),
          paused: deadline.paused ? "yes" : "no",
          extended: deadline.extended ? "yes" : "no",
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <dl className="facts">
        <dt>{t("law")}</dt>
        <dd>{lawShortName(deadline.jurisdiction, labels)}</dd>
        <dt>{t("acknowledgeBy")}</dt>
        <dd>
          {deadline.acknowledgeBy
            ? deadline.acknowledgedAt
              ? t("acknowledgedOn", { day: day(deadline.acknowledgeBy), at: at(deadline.acknowledgedAt) })
              : day(deadline.acknowledgeBy)
            : deadline.acknowledgedAt
              ? t("notRequiredButAcknowledged", { at: at(deadline.acknowledgedAt) })
              : t("notRequired")}
        </dd>
        <dt>{t("extensionNoticeBy")}</dt>
        <dd>{deadline.extensionNoticeBy ? day(deadline.extensionNoticeBy) : t("noExtension")}</dd>
        <dt>{t("latestExtended")}</dt>
        <dd>{day(deadline.maxExtendedDueDate)}</dd>
      </dl>
      <h3>{t("why")}</h3>
      <ol className="deadline-explanation">
        {deadline.explanation.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ol>
    </section>
  );
}
