"use client";
// The two retention settings, each with what it governs; errors are announced and name the field.
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { RetentionSettings } from "@/lib/retention/retention-settings.ts";
import { saveRetentionSettingsAction } from "../actions.ts";

type Field = { name: keyof RetentionSettings; label: string; hint: string; min: number; max: number };

export function RetentionForm({ current, fields }: { current: RetentionSettings; fields: Field[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<RetentionSettings> | null, FormData>(saveRetentionSettingsAction, null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const values = state?.ok ? state.data : current;
  return (
    <form action={formAction} className="staff-form staff-narrow" noValidate>
      {state && !state.ok ? (
        <p className="message message--error" role="alert">
          {state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p className="message message--success" role="status">
          Saved. The next purge uses these values.
        </p>
      ) : null}
      {fields.map((field) => {
        const error = issues.find((issue) => issue.path === field.name)?.message;
        const hintId = `${field.name}-hint`;
        const errorId = `${field.name}-error`;
        return (
          <div key={field.name} className={error ? "field field--error" : "field"}>
            <label className="label" htmlFor={field.name}>
              {field.label}
            </label>
            <p id={hintId} className="hint">
              {field.hint}
            </p>
            {error ? (
              <p id={errorId} className="field-error">
                {error}
              </p>
            ) : null}
            <input
              id={field.name}
              name={field.name}
              type="number"
              inputMode="numeric"
              min={field.min}
              max={field.max}
              step={1}
              required
              className="input input--number"
              defaultValue={values[field.name]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            />
          </div>
        );
      })}
      <button type="submit" className="button" aria-disabled={pending}>
        Save retention settings
      </button>
    </form>
  );
}
