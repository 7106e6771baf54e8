"use client";
// One form per decision: the result is announced where the form is (role=status for success,
// role=alert for a refusal), fields named in an error are marked, the button is busy meanwhile.
import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";

type Action = (previous: unknown, formData: FormData) => Promise<ActionResult<string>>;

type Props = {
  action: Action;
  reference: string;
  submitLabel: string;
  /** Extra hidden fields (a task id). */
  hidden?: Record<string, string>;
  danger?: boolean;
  secondary?: boolean;
  children?: ReactNode;
  className?: string;
};

export function ActionForm({ action, reference, submitLabel, hidden, danger, secondary, children, className }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const buttonClass = danger ? "button button--danger" : secondary ? "button button--secondary" : "button";
  return (
    <form action={formAction} className={className ?? "staff-form action-form"}>
      <input type="hidden" name="reference" value={reference} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button type="submit" className={buttonClass} disabled={pending}>
        {submitLabel}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

function ActionMessage({ state }: { state: ActionResult<string> | null }) {
  if (!state) return null;
  if (state.ok) {
    return (
      <p className="message message--success" role="status">
        {state.data}
      </p>
    );
  }
  return (
    <p className="message message--error" role="alert">
      {state.error.message}
    </p>
  );
}
