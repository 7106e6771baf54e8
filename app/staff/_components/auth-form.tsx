"use client";
// One form for the sign-in and account steps: labelled fields, errors announced, the button
// busy while the server answers, and recovery codes shown once when an action returns them. Labels
// come translated from the page; the recovery codes' own words from the staffAuth catalogue.
import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import type { AuthFormState } from "../auth-actions.schema.ts";
import { FormOutcome, StaffField } from "./staff-field.tsx";

export type AuthField = {
  name: string;
  label: string;
  type: "email" | "password" | "text";
  autoComplete: string;
  hint?: string;
  inputMode?: "numeric" | "text";
};

type Props = {
  action: (previous: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  fields: AuthField[];
  submitLabel: string;
  danger?: boolean;
  /** Keeps the fields' ids apart when two forms on one page ask for the same thing. */
  idPrefix?: string;
  /** Shown instead of the form when there is nothing left to do (an answer with recovery codes still shows). */
  done?: ReactNode;
};

export function AuthForm({ action, fields, submitLabel, danger, idPrefix, done }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes} message={state.message} />;
  if (done) return done;
  return (
    <form action={formAction} className="staff-form" noValidate>
      <FormOutcome error={state?.error} success={state?.message} />
      {fields.map((field) => (
        <StaffField
          key={field.name}
          name={idPrefix ? `${idPrefix}-${field.name}` : field.name}
          label={field.label}
          hint={field.hint}
          error={state?.fieldErrors?.[field.name]}
        >
          {(control) => (
            <input
              {...control}
              name={field.name}
              type={field.type}
              autoComplete={field.autoComplete}
              inputMode={field.inputMode}
              defaultValue={field.type === "password" ? undefined : state?.values?.[field.name]}
              className="input"
              required
            />
          )}
        </StaffField>
      ))}
      <button type="submit" className={danger ? "button button--danger" : "button"} aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

export function RecoveryCodes({ codes, message }: { codes: string[]; message?: string }) {
  const t = useTranslations("staffAuth.form");
  return (
    <section className="panel panel--success" aria-labelledby="recovery-codes-title">
      {message ? <p role="status">{message}</p> : null}
      <h2 id="recovery-codes-title">{t("recoveryCodesTitle")}</h2>
      <p>{t("recoveryCodesIntro")}</p>
      <ul className="recovery-codes" aria-label={t("recoveryCodesLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <a className="button" href="/staff/requests">
        {t("continue")}
      </a>
    </section>
  );
}
