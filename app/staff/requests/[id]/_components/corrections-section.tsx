// A rectification's corrections: what the person asked, where each stands (corrected by which
// source and category, waiting for staff and why, corrected by staff, not corrected), and the form
// with which staff say which of those left to them they corrected by hand.
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { completeCorrectionsAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

type Corrections = NonNullable<RequestDetails["corrections"]>;
type Item = Corrections["items"][number];

type CorrectionsT = ReturnType<typeof useTranslations<"staffRequest.corrections">>;

/** The ICU select names of why a correction waits for staff. */
const reasons = { "free-text": "freeText", "not-mapped": "notMapped", "no-record": "noRecord" } as const;

function where(item: Item, t: CorrectionsT): string {
  switch (item.state) {
    case "corrected":
      return t("corrected", {
        places: item.places.map((place) => t("place", { source: place.source, category: place.category })).join(", "),
      });
    case "pending":
      return t("pending");
    case "with-staff":
      return t("withStaff", { reason: reasons[item.staffReason ?? "free-text"] });
    case "corrected-by-staff":
      return t("correctedByStaff");
    case "not-corrected":
      return t("notCorrected");
  }
}

export function CorrectionsSection({ details, canManage, timeZone }: { details: RequestDetails; canManage: boolean; timeZone: string }) {
  const corrections = details.corrections;
  const t = useTranslations("staffRequest.corrections");
  const locale = useLocale();
  if (!corrections) return null;
  const { items, task } = corrections;
  const waiting = items.filter((item) => item.state === "with-staff");
  return (
    <section aria-labelledby="corrections-heading" className="request-section">
      <h2 id="corrections-heading">{t("heading")}</h2>
      <div className="table-scroll">
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">{t("field")}</th>
              <th scope="col">{t("correctValue")}</th>
              <th scope="col">{t("currentValue")}</th>
              <th scope="col">{t("where")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.index}>
                <th scope="row">
                  {item.label}
                  {item.declared ? null : <span className="hint"> {t("personsWords")}</span>}
                </th>
                <td className="prewrap">{item.correctValue}</td>
                <td className="prewrap">{item.currentValue ?? "—"}</td>
                <td>{where(item, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {task && task.status !== "OPEN" ? (
        <div>
          {task.note ? (
            <p className="prewrap">
              {task.completedBy && task.completedAt
                ? t("staffDidByAt", { note: task.note, by: task.completedBy, at: formatInstant(task.completedAt, locale, timeZone) })
                : task.completedBy
                  ? t("staffDidBy", { note: task.note, by: task.completedBy })
                  : t("staffDid", { note: task.note })}
            </p>
          ) : null}
          {task.message ? <p className="prewrap">{t("told", { message: task.message })}</p> : null}
        </div>
      ) : null}
      {canManage && details.actions.completeCorrections ? (
        <section aria-labelledby="corrections-task-heading" className="panel manual-task">
          <h3 id="corrections-task-heading">{t("byHandHeading")}</h3>
          <p>{t("byHandIntro")}</p>
          <ActionForm action={completeCorrectionsAction} reference={details.request.reference} submitLabel={t("done")}>
            <fieldset className="field">
              <legend className="label">{t("correctedLegend")}</legend>
              {waiting.map((item) => (
                <div className="checkbox" key={item.index}>
                  <input id={`corrected-${item.index}`} type="checkbox" name="corrected" value={String(item.index)} />
                  <label htmlFor={`corrected-${item.index}`}>{t("item", { label: item.label, value: item.correctValue })}</label>
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label className="label" htmlFor="corrections-note">
                {t("note")}
              </label>
              <p className="hint" id="corrections-note-hint">
                {t("noteHint")}
              </p>
              <textarea id="corrections-note" name="note" className="textarea" rows={3} required aria-describedby="corrections-note-hint" />
            </div>
            <div className="field">
              <label className="label" htmlFor="corrections-message">
                {t("message")}
              </label>
              <p className="hint" id="corrections-message-hint">
                {t("messageHint")}
              </p>
              <textarea id="corrections-message" name="message" className="textarea" rows={3} aria-describedby="corrections-message-hint" />
            </div>
          </ActionForm>
        </section>
      ) : null}
    </section>
  );
}
