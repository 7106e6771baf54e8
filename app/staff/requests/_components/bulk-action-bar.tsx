"use client";
// What can be done with the ticked rows. The row boxes belong to this form (form="…"), so it also
// posts without JavaScript. Approve, deny and assign appear only for roles that may do them (the
// server refuses them anyway); exporting the selection needs only the right to read requests.
import { type MouseEvent, useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { DenialReason } from "@/lib/generated/prisma/enums.ts";
import type { BulkResult } from "@/lib/staff/bulk-action.schema.ts";
import { bulkAction } from "../actions.ts";
import { SELECTION_FORM_ID } from "./request-columns.tsx";

const EXPORT_PATH = "/staff/requests/export";

const denialReasons: Array<{ value: DenialReason; label: string }> = [
  { value: "IDENTITY_NOT_VERIFIED", label: "Identity not verified" },
  { value: "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", label: "Manifestly unfounded or excessive" },
  { value: "EXEMPTION_APPLIES", label: "An exemption applies" },
  { value: "NO_DATA_HELD", label: "No data held about the person" },
  { value: "AGENT_AUTHORITY_NOT_SHOWN", label: "Agent authority not shown" },
  { value: "OTHER", label: "Other (explain in the message)" },
];

type State = ActionResult<BulkResult> | null;

export function BulkActionBar(props: {
  selected: string[];
  canDecide: boolean;
  canAssign: boolean;
  assignees: string[];
  /** The current view's CSV. */
  exportViewHref: string;
  onDone: () => void;
}) {
  const [state, formAction, pending] = useActionState<State, FormData>(bulkAction, null);
  // Clears the selection once per successful result (not again on every later render).
  const handled = useRef<State>(null);
  const { onDone } = props;
  useEffect(() => {
    if (!state?.ok || handled.current === state) return;
    handled.current = state;
    onDone();
  }, [state, onDone]);

  // With JavaScript, the export carries only the references (never a message typed for a denial).
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const exportSelected = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (props.selected.length === 0) {
      setExportProblem("Select at least one request to export, or export this view.");
      return;
    }
    setExportProblem(null);
    const query = new URLSearchParams(props.selected.map((reference) => ["reference", reference]));
    window.location.assign(`${EXPORT_PATH}?${query}`);
  };

  return (
    <form id={SELECTION_FORM_ID} action={formAction} className="bulk-form">
      <p className="selection-count" aria-live="polite">
        {props.selected.length === 1 ? "1 request selected" : `${props.selected.length} requests selected`}
      </p>
      {props.canDecide || props.canAssign ? (
        <section aria-labelledby="bulk-actions-heading" className="bulk-actions">
          <h2 id="bulk-actions-heading">Bulk actions</h2>
          <div className="bulk-actions__groups">
            {props.canDecide ? (
              <div className="bulk-group">
                <button type="submit" name="intent" value="approve" className="button button--small" disabled={pending}>
                  Approve selected
                </button>
              </div>
            ) : null}
            {props.canDecide ? (
              <fieldset className="bulk-group">
                <legend>Deny selected</legend>
                <label className="label" htmlFor="bulk-reason">
                  Reason
                </label>
                <select id="bulk-reason" name="reason" className="select" defaultValue="">
                  <option value="">Choose a reason</option>
                  {denialReasons.map((reason) => (
                    <option key={reason.value} value={reason.value}>
                      {reason.label}
                    </option>
                  ))}
                </select>
                <label className="label" htmlFor="bulk-message">
                  Message to each person
                </label>
                <textarea id="bulk-message" name="message" className="textarea" rows={2} maxLength={5000} />
                <button type="submit" name="intent" value="deny" className="button button--danger button--small" disabled={pending}>
                  Deny selected
                </button>
              </fieldset>
            ) : null}
            {props.canAssign ? (
              <fieldset className="bulk-group">
                <legend>Assign selected</legend>
                <label className="label" htmlFor="bulk-assignee">
                  Assign to
                </label>
                <select id="bulk-assignee" name="assigneeEmail" className="select" defaultValue="">
                  <option value="">Nobody (unassign)</option>
                  {props.assignees.map((email) => (
                    <option key={email} value={email}>
                      {email}
                    </option>
                  ))}
                </select>
                <button type="submit" name="intent" value="assign" className="button button--small" disabled={pending}>
                  Assign selected
                </button>
              </fieldset>
            ) : null}
          </div>
        </section>
      ) : null}
      <div className="export-actions">
        <button
          type="submit"
          formAction={EXPORT_PATH}
          formMethod="get"
          name="scope"
          value="selection"
          className="button button--secondary button--small"
          onClick={exportSelected}
        >
          Export selected as CSV
        </button>
        <a href={props.exportViewHref}>Export this view as CSV</a>
      </div>
      {exportProblem ? (
        <div className="bulk-outcome bulk-outcome--error" role="alert">
          {exportProblem}
        </div>
      ) : null}
      {state ? <BulkOutcome state={state} /> : null}
    </form>
  );
}

function BulkOutcome({ state }: { state: NonNullable<State> }) {
  if (!state.ok) {
    return (
      <div className="bulk-outcome bulk-outcome--error" role="alert">
        {state.error.message}
      </div>
    );
  }
  const { data } = state;
  return (
    <div className={`bulk-outcome${data.refused.length > 0 ? " bulk-outcome--partial" : ""}`} role="status">
      <p>{data.summary}</p>
    </div>
  );
}
