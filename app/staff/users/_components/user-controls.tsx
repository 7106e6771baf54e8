"use client";
// The controls on each row of the users page. Each is a small form that says what happened; the
// ones that end someone's access ask for a second click first.
import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { changeStaffRoleAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;
type Action = (previous: unknown, formData: FormData) => Promise<State>;

function Outcome({ state }: { state: State }) {
  return (
    <output className="user-controls__outcome" aria-live="polite">
      {state?.ok ? <span className="message--success">{state.data.message}</span> : null}
      {state && !state.ok ? <span className="field-error">{state.error.message}</span> : null}
    </output>
  );
}

export function RoleForm({ userId, email, role }: { userId: string; email: string; role: string }) {
  const [state, formAction, pending] = useActionState<State, FormData>(changeStaffRoleAction, null);
  const id = `role-${userId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={id}>
        Role of {email}
      </label>
      <select id={id} name="role" className="select select--small" defaultValue={role.toLowerCase()}>
        <option value="admin">admin</option>
        <option value="agent">agent</option>
        <option value="auditor">auditor</option>
      </select>{" "}
      <button type="submit" className="button button--secondary button--small" aria-disabled={pending}>
        Change role
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** One button; with `confirm`, a first click asks "are you sure" and a second does it. */
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
  confirm?: string;
  danger?: boolean;
}) {
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
          {confirm ? <span className="user-controls__confirm">{confirm} </span> : null}
          <button type="submit" className={className} aria-disabled={pending}>
            {confirm ? `Yes, ${label.toLowerCase()}` : label}
          </button>
          {confirm ? (
            <button type="button" className="button button--secondary button--small" onClick={() => setAsking(false)}>
              Cancel
            </button>
          ) : null}
        </>
      )}
      <Outcome state={state} />
    </form>
  );
}
