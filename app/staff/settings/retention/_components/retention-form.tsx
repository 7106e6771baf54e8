"use client";
// The two retention settings, each with what it governs; errors are announced and name the field.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { RetentionSettings } from "@/lib/retention/retention-settings.ts";
import { FormOutcome, StaffField } from "../../../_components/staff-field.tsx";
import { saveRetentionSettingsAction } from "../actions.ts";

type Field = { name: keyof RetentionSettings; label: string; hint: string; min: number; max: number };

export function RetentionForm({ current, fields }: { current: RetentionSettings; fields: Field[] }) {
  const [state, formAction, pending] = useActionState<ActionResult<RetentionSettings> | null, FormData>(saveRetentionSettingsAction, null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const values = state?.ok ? state.data : current;
  const t = useTranslations("staffSettings.retention");
  return (
    <form action={formAction} className="staff-form staff-narrow" noValidate>
      <FormOutcome
        error={state && !state.ok ? (state.error.issues?.length ? t("problems") : state.error.message) : undefined}
        success={state?.ok ? t("saved") : undefined}
      />
      {fields.map((field) => (
        <StaffField
          key={field.name}
          name={field.name}
          label={field.label}
          hint={field.hint}
          error={issues.find((issue) => issue.path === field.name)?.message}
        >
          {(control) => (
            <input
              {...control}
              name={field.name}
              type="number"
              inputMode="numeric"
              min={field.min}
              max={field.max}
              step={1}
              required
              className="input input--number"
              defaultValue={values[field.name]}
            />
          )}
        </StaffField>
      ))}
      <button type="submit" className="button" aria-disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
