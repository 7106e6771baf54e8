"use client";
// What can be done with the ticked rows. The row boxes belong to this form (form="…"), so it also
// posts without JavaScript. Approve, deny and assign appear only for roles that may do them (the
// server refuses them anyway); exporting the selection needs only the right to read requests.
import { useTranslations } from "next-intl";
import { type MouseEvent, useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { denialNeedsExplanation } from "@/lib/requests/denial-reasons.ts";
import type { BulkResult } from "@/lib/staff/bulk-action.schema.ts";
import type { BulkDenialPreview } from "@/lib/staff/preview-bulk-denial.ts";
import { submitKeepingValues } from "../../_components/submit-keeping-values.ts";
import { DenialEmailPreviewView } from "../[id]/_components/denial-email-preview.tsx";
import { DenialReasonSelect } from "../[id]/_components/denial-reason-select.tsx";
import { bulkAction } from "../actions.ts";
import { SELECTION_FORM_ID } from "./request-columns.tsx";

const EXPORT_PATH = "/staff/requests/export";

type State = ActionResult<BulkResult | BulkDenialPreview> | null;

const isPreview = (data: BulkResult | BulkDenialPreview): data is BulkDenialPreview => "previews" in data;

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
  const t = useTranslations("staffRequests.bulk");
  // Clears the selection once per successful result (not again on every later render).
  const handled = useRef<State>(null);
  const { onDone } = props;
  const [reason, setReason] = useState("");
  const preview = state?.ok && isPreview(state.data) ? state.data : null;
  useEffect(() => {
    if (!state?.ok || isPreview(state.data) || handled.current === state) return;
    handled.current = state;
    onDone();
  }, [state, onDone]);

  // With JavaScript, the export carries only the references (never a message typed for a denial).
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const exportSelected = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (props.selected.length === 0) {
      setExportProblem(t("exportNothing"));
      return;
    }
    setExportProblem(null);
    const query = new URLSearchParams(props.selected.map((reference) => ["reference", reference]));
    window.location.assign(`${EXPORT_PATH}?${query}`);
  };

  return (
    <>
      <form id={SELECTION_FORM_ID} action={formAction} onSubmit={submitKeepingValues(formAction)} className="bulk-form">
        <p className="selection-count" aria-live="polite">
          {props.selected.length > 0 ? t("selected", { count: props.selected.length }) : ""}
        </p>
        {/* Shown only while rows are ticked (dashboard.css, by :has(), so it also works before the page's script runs). */}
        {props.canDecide || props.canAssign ? (
          <section aria-labelledby="bulk-actions-heading" className="bulk-actions">
            <h2 id="bulk-actions-heading">{t("heading")}</h2>
            <div className="bulk-actions__groups">
              {props.canDecide ? (
                <div className="bulk-group">
                  <button type="submit" name="intent" value="approve" className="button button--small" disabled={pending}>
                    {t("approve")}
                  </button>
                </div>
              ) : null}
              {props.canDecide ? (
                <fieldset className="bulk-group">
                  <legend>{t("deny")}</legend>
                  <label className="label" htmlFor="bulk-reason">
                    {t("reason")}
                  </label>
                  <DenialReasonSelect id="bulk-reason" value={reason} onChange={setReason} />
                  <label className="label" htmlFor="bulk-message">
                    {t("explanation", { required: denialNeedsExplanation(reason) ? "yes" : "no" })}
                  </label>
                  <textarea id="bulk-message" name="message" className="textarea" rows={2} maxLength={5000} />
                  <button type="submit" name="intent" value="deny" className="button button--danger button--small" disabled={pending}>
                    {t("denyButton")}
                  </button>
                </fieldset>
              ) : null}
              {props.canAssign ? (
                <fieldset className="bulk-group">
                  <legend>{t("assign")}</legend>
                  <label className="label" htmlFor="bulk-assignee">
                    {t("assignTo")}
                  </label>
                  <select id="bulk-assignee" name="assigneeEmail" className="select" defaultValue="">
                    <option value="">{t("unassign")}</option>
                    {props.assignees.map((email) => (
                      <option key={email} value={email}>
                        {email}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="intent" value="assign" className="button button--small" disabled={pending}>
                    {t("assignButton")}
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
            {t("exportSelected")}
          </button>
          <a href={props.exportViewHref}>{t("exportView")}</a>
        </div>
        {exportProblem ? (
          <div className="bulk-outcome bulk-outcome--error" role="alert">
            {exportProblem}
          </div>
        ) : null}
        {state && !preview ? <BulkOutcome state={state} /> : null}
      </form>
      {preview ? <BulkDenialConfirmation preview={preview} action={formAction} pending={pending} /> : null}
    </>
  );
}

/** A form of its own: it sends exactly the requests, reason and explanation the emails were shown for. */
function BulkDenialConfirmation({
  preview,
  action,
  pending,
}: {
  preview: BulkDenialPreview;
  action: (form: FormData) => void;
  pending: boolean;
}) {
  const count = preview.references.length;
  const t = useTranslations("staffRequests.bulk");
  const page = useTranslations("staffRequest.deny");
  return (
    <form action={action} className="bulk-confirmation panel" aria-labelledby="bulk-confirmation-heading">
      <h2 id="bulk-confirmation-heading">{t("confirmHeading", { count })}</h2>
      <p>{t("confirmIntro", { references: preview.references.join(", ") })}</p>
      {preview.references.map((reference) => (
        <input key={reference} type="hidden" name="reference" value={reference} />
      ))}
      <input type="hidden" name="reason" value={preview.reason} />
      <input type="hidden" name="message" value={preview.message} />
      {preview.previews.map((email) => (
        <DenialEmailPreviewView
          key={email.reference}
          preview={email}
          intro={(language) => page("previewIntroFor", { reference: email.reference, language })}
        />
      ))}
      <button type="submit" name="intent" value="deny-send" className="button button--danger" disabled={pending}>
        {t("send", { count })}
      </button>
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
  if (isPreview(data)) return null;
  return (
    <div className={`bulk-outcome${data.refused.length > 0 ? " bulk-outcome--partial" : ""}`} role="status">
      <p>{data.summary}</p>
    </div>
  );
}
