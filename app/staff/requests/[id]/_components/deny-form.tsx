"use client";
// Refusing a request takes two steps: choose a reason (none is preselected) and explain it where the
// law expects an explanation, then read the email the person will receive, in their language,
// and only then send it. The server shows the email for any post that does not say step=send.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { denialNeedsExplanation } from "@/lib/requests/denial-reasons.ts";
import { submitKeepingValues } from "../../../_components/submit-keeping-values.ts";
import { denyAction } from "../actions.ts";
import { DenialEmailPreviewView } from "./denial-email-preview.tsx";
import { DenialReasonSelect } from "./denial-reason-select.tsx";

export function DenyForm({ reference, reasons }: { reference: string; reasons: readonly string[] }) {
  const [state, formAction, pending] = useActionState(denyAction, null);
  const t = useTranslations("staffRequest.deny");
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [editing, setEditing] = useState(false);
  const preview = !editing && state?.ok && state.data.step === "preview" ? state.data : null;
  const explanationRequired = denialNeedsExplanation(reason);

  if (state?.ok && state.data.step === "sent") {
    return (
      <div className="staff-form action-form">
        <p className="message message--success" role="status">
          {state.data.message}
        </p>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        setEditing(false);
        submitKeepingValues(formAction)(event);
      }}
      className="staff-form action-form deny-form"
    >
      <input type="hidden" name="reference" value={reference} />
      {preview ? (
        <>
          <input type="hidden" name="reason" value={preview.reason} />
          <input type="hidden" name="message" value={preview.message} />
          <DenialEmailPreviewView preview={preview.preview} />
          <div className="button-row">
            <button type="submit" name="step" value="send" className="button button--danger" disabled={pending}>
              {t("send")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t("change")}
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label className="label" htmlFor="deny-reason">
              {t("reason")}
            </label>
            <DenialReasonSelect id="deny-reason" value={reason} onChange={setReason} offered={reasons} required />
          </div>
          <div className="field">
            <label className="label" htmlFor="deny-message">
              {t("explanation", { required: explanationRequired ? "yes" : "no" })}
            </label>
            <p className="hint" id="deny-message-hint">
              {t("explanationHint")}
            </p>
            <textarea
              id="deny-message"
              name="message"
              className="textarea"
              rows={3}
              required={explanationRequired}
              aria-describedby="deny-message-hint"
              value={message}
              onChange={(event) => setMessage(event.target.value)}
            />
          </div>
          <button type="submit" name="step" value="preview" className="button button--secondary" disabled={pending}>
            {t("review")}
          </button>
        </>
      )}
      {state && !state.ok ? (
        <p className="message message--error" role="alert">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
