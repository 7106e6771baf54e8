// A rectification's corrections: what the person asked, where each stands (corrected by which
// source and category, waiting for staff and why, corrected by staff, not corrected), and the form
// with which staff say which of those left to them they corrected by hand.
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { completeCorrectionsAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

type Corrections = NonNullable<RequestDetails["corrections"]>;
type Item = Corrections["items"][number];

const reasons = {
  "free-text": "described in words by the person",
  "not-mapped": "no enabled source maps this field",
  "no-record": "the sources that map it found no record of the person",
} as const;

function where(item: Item): string {
  switch (item.state) {
    case "corrected":
      return `Corrected in ${item.places.map((place) => `${place.source} (${place.category})`).join(", ")}`;
    case "pending":
      return "Sources still working";
    case "with-staff":
      return `Waiting for staff: ${reasons[item.staffReason ?? "free-text"]}`;
    case "corrected-by-staff":
      return "Corrected by staff";
    case "not-corrected":
      return "Not corrected";
  }
}

export function CorrectionsSection({ details, canManage, timeZone }: { details: RequestDetails; canManage: boolean; timeZone: string }) {
  const corrections = details.corrections;
  if (!corrections) return null;
  const { items, task } = corrections;
  const waiting = items.filter((item) => item.state === "with-staff");
  return (
    <section aria-labelledby="corrections-heading" className="request-section">
      <h2 id="corrections-heading">Corrections</h2>
      <div className="table-scroll">
        <table className="staff-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Correct value</th>
              <th scope="col">Current value</th>
              <th scope="col">Where it stands</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.index}>
                <th scope="row">
                  {item.label}
                  {item.declared ? null : <span className="hint"> (the person's words)</span>}
                </th>
                <td className="prewrap">{item.correctValue}</td>
                <td className="prewrap">{item.currentValue ?? "—"}</td>
                <td>{where(item)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {task && task.status !== "OPEN" ? (
        <div>
          {task.note ? (
            <p className="prewrap">
              What staff did: {task.note}
              {task.completedBy ? ` (${task.completedBy}${task.completedAt ? `, ${formatInstant(task.completedAt, timeZone)}` : ""})` : ""}
            </p>
          ) : null}
          {task.message ? <p className="prewrap">Told to the person: {task.message}</p> : null}
        </div>
      ) : null}
      {canManage && details.actions.completeCorrections ? (
        <section aria-labelledby="corrections-task-heading" className="panel manual-task">
          <h3 id="corrections-task-heading">Apply these corrections by hand</h3>
          <p>No source made these corrections. Make them where the data is kept, then tick those you made.</p>
          <ActionForm action={completeCorrectionsAction} reference={details.request.reference} submitLabel="Corrections done">
            <fieldset className="field">
              <legend className="label">Corrected</legend>
              {waiting.map((item) => (
                <div className="checkbox" key={item.index}>
                  <input id={`corrected-${item.index}`} type="checkbox" name="corrected" value={String(item.index)} />
                  <label htmlFor={`corrected-${item.index}`}>
                    {item.label}: {item.correctValue}
                  </label>
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label className="label" htmlFor="corrections-note">
                What you corrected and where
              </label>
              <p className="hint" id="corrections-note-hint">
                At least 5 characters. Kept as evidence; not sent to the person.
              </p>
              <textarea id="corrections-note" name="note" className="textarea" rows={3} required aria-describedby="corrections-note-hint" />
            </div>
            <div className="field">
              <label className="label" htmlFor="corrections-message">
                Message to the person (when some could not be corrected)
              </label>
              <p className="hint" id="corrections-message-hint">
                Why, in words the person understands. It goes in the email that closes the request.
              </p>
              <textarea id="corrections-message" name="message" className="textarea" rows={3} aria-describedby="corrections-message-hint" />
            </div>
          </ActionForm>
        </section>
      ) : null}
    </section>
  );
}
