"use client";
// The buttons beside a connector (admins only): test it against its system and show the answer,
// and turn it on or off. Turning it on checks the live system first and says what is wrong.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { setConnectorEnabledAction, testConnectorAction } from "../actions.ts";

type TestState = ActionResult<{ ok: boolean; message: string }> | null;
type EnableState = ActionResult<{ enabled: boolean; changed: boolean }> | null;

export function TestConnectorButton({ connectorKey }: { connectorKey: string }) {
  const [state, formAction, pending] = useActionState<TestState, FormData>(testConnectorAction, null);
  const t = useTranslations("staffConnectors.controls");
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="key" value={connectorKey} />
      <button type="submit" className="button button--secondary button--small" aria-disabled={pending}>
        {pending ? t("testing") : t("test")}
      </button>
      <output className="connector-result" aria-live="polite">
        {state?.ok ? (
          <span className={state.data.ok ? "connector-result--ok" : "connector-result--failed"}>
            {state.data.ok ? t("ok", { message: state.data.message }) : t("failed", { message: state.data.message })}
          </span>
        ) : null}
        {state && !state.ok ? <span className="connector-result--failed">{state.error.message}</span> : null}
      </output>
    </form>
  );
}

export function EnableConnectorButton({ connectorKey, enabled }: { connectorKey: string; enabled: boolean }) {
  const [state, formAction, pending] = useActionState<EnableState, FormData>(setConnectorEnabledAction, null);
  const t = useTranslations("staffConnectors.controls");
  const errors = useTranslations("staffConnectors.errors");
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="key" value={connectorKey} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
      <button type="submit" className={enabled ? "button button--danger button--small" : "button button--small"} aria-disabled={pending}>
        {enabled ? t("disable") : t("enable")}
      </button>
      <output className="connector-result" aria-live="polite">
        {state && !state.ok ? (
          <span className="connector-result--failed">
            {/* The problems of the stored config, each already in the reader's language (runStaffAction). */}
            {state.error.issues?.length
              ? errors("notEnabled", { problems: state.error.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ") })
              : state.error.message}
          </span>
        ) : null}
      </output>
    </form>
  );
}
