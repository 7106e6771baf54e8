"use client";
// The controls on each row of the users page. Each is a small form that says what happened; the
// ones that end someone's access ask for a second click first.
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { changeStaffRoleAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;
type Action = (previous: unknown, formData: FormData) => Promise<State>;

function Outcome({ state }: { state: State }) {
  return (
    <output className="user-controls__outcome" aria-live="polite">
      {state?.ok ? <span className="message--success">{state.data.message}</span> : null}
      {state && !state.ok ? (
        <span className="field-error">
          {state.error.issues?.length ? state.error.issues.map((issue) => issue.message).join(" ") : state.error.message}
        </span>
      ) : null}
    </output>
  );
}

type RoleNames = Record<"admin" | "agent" | "auditor", string>;

export function RoleForm({ userId, email, role, roles }: { userId: string; email: string; role: string; roles: RoleNames }) {
  const t = useTranslations("staffUsers.action");
  const [state, formAction, pending] = useActionState<State, FormData>(changeStaffRoleAction, null);
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={id}>
        {t("roleOf", { email })}
      </label>
      <select id={id} name="role" className="select select--small" defaultValue={role.toLowerCase()}>
        {(["admin", "agent", "auditor"] as const).map((value) => (
          <option key={value} value={value}>
            {roles[value]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button button--secondary button--small" aria-disabled={pending}>
        {t("changeRole")}
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** One button; with `confirm`, a first click asks its question and a second (its "yes") does it. */
export function UserActionButton({
  userId,
  action,
  label,
  confirm,
  danger,
}: {
  userId: string;
  action: Action;
  label: string;
  confirm?: { question: string; yes: string };
  danger?: boolean;
}) {
  const t = useTranslations("staffUsers.action");
  const [state, formAction, pending] = useActionState<State, FormData>(action, null);
  const [asking, setAsking] = useState(false);
  const className = danger ? "button button--danger button--small" : "button button--secondary button--small";
  return (
    <form action={formAction} className="inline-form" onSubmit={() => setAsking(false)}>
      <input type="hidden" name="userId" value={userId} />
      {confirm && !asking ? (
        <button type="button" className={className} onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <>
          {confirm ? <span className="user-controls__confirm">{confirm.question} </span> : null}
          <button type="submit" className={className} aria-disabled={pending}>
            {confirm ? confirm.yes : label}
          </button>
          {confirm ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setAsking(false)}>
              {t("cancel")}
            </button>
          ) : null}
        </>
      )}
      <Outcome state={state} />
    </form>
  );
}
