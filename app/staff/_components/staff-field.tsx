// One labelled field of a staff form: the label, a hint, the field's own error, and the control
// wired to them (aria-invalid, aria-describedby). The control is given by the caller.
import type { ReactNode } from "react";

export type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

type Props = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: (control: ControlProps) => ReactNode;
};

export function StaffField({ name, label, hint, error, children }: Props) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
      {children({
        id: name,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
    </div>
  );
}

/** The outcome of the last submission: a refusal (role=alert) or a confirmation (role=status). */
export function FormOutcome({ error, success }: { error?: ReactNode; success?: ReactNode }) {
  return (
    <>
      {error ? (
        <p className="message message--error" role="alert">
          {error}
        </p>
      ) : null}
      {success ? (
        <p className="message message--success" role="status">
          {success}
        </p>
      ) : null}
    </>
  );
}
