"use client";
// The forms of the authorized agents page; each says what happened.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { addDrpAgentAction, rotateDrpAgentKeyAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;
type Action = (previous: unknown, formData: FormData) => Promise<State>;

function Outcome({ state }: { state: State }) {
  return (
    <output aria-live="polite">
      {state?.ok ? <span className="message--success">{state.data.message}</span> : null}
      {state && !state.ok ? <span className="field-error">{refusalText(state.error)}</span> : null}
    </output>
  );
}

/** A refusal in words: each field's problem when the form was refused field by field, else the message. */
function refusalText(error: Extract<State, { ok: false }>["error"]): string {
  return error.issues?.length ? error.issues.map((issue) => issue.message).join(" ") : error.message;
}

export function AddAgentForm() {
  const t = useTranslations("staffAgents.add");
  const [state, formAction, pending] = useActionState<State, FormData>(addDrpAgentAction, null);
  return (
    <form action={formAction} className="stack-form">
      <label htmlFor="agent-id">{t("id")}</label>
      <input id="agent-id" name="id" className="input" required maxLength={100} pattern="[A-Za-z0-9_]+" autoComplete="off" />
      <label htmlFor="agent-name">{t("name")}</label>
      <input id="agent-name" name="name" className="input" required maxLength={200} autoComplete="off" />
      <label htmlFor="agent-key">{t("verifyKey")}</label>
      <input id="agent-key" name="verifyKey" className="input" required maxLength={44} autoComplete="off" spellCheck={false} />
      <p>
        <button type="submit" className="button" aria-disabled={pending}>
          {t("submit")}
        </button>
      </p>
      <Outcome state={state} />
    </form>
  );
}

export function RotateKeyForm({ agentId }: { agentId: string }) {
  const t = useTranslations("staffAgents");
  const [state, formAction, pending] = useActionState<State, FormData>(rotateDrpAgentKeyAction, null);
  const id = `rotate-${agentId}`;
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="agentId" value={agentId} />
      <label className="visually-hidden" htmlFor={id}>
        {t("newKeyOf", { agentId })}
      </label>
      <input
        id={id}
        name="verifyKey"
        className="input input--small"
        required
        maxLength={44}
        placeholder={t("newKeyPlaceholder")}
        spellCheck={false}
      />{" "}
      <button type="submit" className="button button--secondary button--small" aria-disabled={pending}>
        {t("rotateKey")}
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
