"use client";
// A settings form whose result is announced beside it (role=status, or role=alert on refusal).
import { type ReactNode, useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";

type Props = {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<string>>;
  submitLabel: string;
  secondary?: boolean;
  children?: ReactNode;
};

export function SettingsForm({ action, submitLabel, secondary, children }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="staff-form">
      {state && !state.ok ? (
        <p className="message message--error" role="alert">
          {/* Field problems are already in the member's language (runStaffAction); the joined message is English. */}
          {state.error.issues?.length ? state.error.issues.map((issue) => issue.message).join(" ") : state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p className="message message--success" role="status">
          {state.data}
        </p>
      ) : null}
      {children}
      <button type="submit" className={secondary ? "button button--secondary" : "button"} disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
