"use client";
// The buttons beside a connector (admins only): test it against its system and show the answer,
// and turn it on or off. Turning it on checks the live system first and says what is wrong.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { LocalisedTestResult } from "@/lib/i18n/localise-test-result.ts";
import { setConnectorEnabledAction, testConnectorAction } from "../actions.ts";

type TestState = ActionResult<LocalisedTestResult> | null;
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
        {state?.ok ? <TestAnswer result={state.data} /> : null}
        {state && !state.ok ? <span className="connector-result--failed">{state.error.message}</span> : null}
      </output>
    </form>
  );
}

/** The test's answer, and what its live checks found (problems, or advice when it passed) as a list. */
export function TestAnswer({ result }: { result: LocalisedTestResult }) {
  const t = useTranslations("staffConnectors.controls");
  return (
    <span className={result.ok ? "connector-result--ok" : "connector-result--failed"}>
      {result.ok ? t("ok", { message: result.message }) : t("failed", { message: result.message })}
      {result.ok && result.findings?.length ? ` ${t("toConsider")}` : null}
      {/* One line each (an <output> holds phrasing content only, so no list element). */}
      {result.findings?.map((finding) => (
        <span key={finding} className="connector-result__finding">
          {finding}
        </span>
      ))}
    </span>
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
            {state.error.issues?.length ? errors("notEnabled") : state.error.message}
            {state.error.issues?.map((issue) => (
              <span key={`${issue.path}:${issue.message}`} className="connector-result__finding">
                {t("finding", { path: issue.path, problem: issue.message })}
              </span>
            ))}
          </span>
        ) : null}
      </output>
    </form>
  );
}
