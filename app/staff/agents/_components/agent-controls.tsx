"use client";
// The forms of the authorized agents page; each says what happened.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { addDrpAgentAction, rotateDrpAgentKeyAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;
type Action = (previous: unknown, formData: FormData) => Promise<State>;

function Outcome({ state }: { state: State }) {
  return (
    <output aria-live="polite">
      {state?.ok ? <span className="message--success">{state.data.message}</span> : null}
      {state && !state.ok ? <span className="field-error">{state.error.message}</span> : null}
    </output>
  );
}

export function AddAgentForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(addDrpAgentAction, null);
  return (
    <form action={formAction} className="stack-form">
      <label htmlFor="agent-id">Agent id (from the DRP agent directory)</label>
      <input id="agent-id" name="id" className="input" required maxLength={100} pattern="[A-Za-z0-9_]+" autoComplete="off" />
      <label htmlFor="agent-name">Name</label>
      <input id="agent-name" name="name" className="input" required maxLength={200} autoComplete="off" />
      <label htmlFor="agent-key">Verify key (base64 of its 32-byte Ed25519 public key)</label>
      <input id="agent-key" name="verifyKey" className="input" required maxLength={44} autoComplete="off" spellCheck={false} />
      <p>
        <button type="submit" className="button" aria-disabled={pending}>
          Trust this agent
        </button>
      </p>
      <Outcome state={state} />
    </form>
  );
}

export function RotateKeyForm({ agentId }: { agentId: string }) {
  const [state, formAction, pending] = useActionState<State, FormData>(rotateDrpAgentKeyAction, null);
  const id = `rotate-${agentId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="agentId" value={agentId} />
      <label className="visually-hidden" htmlFor={id}>
        New verify key of {agentId}
      </label>
      <input
        id={id}
        name="verifyKey"
        className="input input--small"
        required
        maxLength={44}
        placeholder="New verify key"
        spellCheck={false}
      />{" "}
      <button type="submit" className="button button--secondary button--small" aria-disabled={pending}>
        Rotate key
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function AgentButton({ agentId, action, label, danger }: { agentId: string; action: Action; label: string; danger?: boolean }) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="agentId" value={agentId} />
      <button
        type="submit"
        className={danger ? "button button--danger button--small" : "button button--secondary button--small"}
        aria-disabled={pending}
      >
        {label}
      </button>
      <Outcome state={state} />
    </form>
  );
}
