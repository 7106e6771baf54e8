"use client";
// The reminder settings form: the result is announced beside it (role=status, or role=alert with
// each field's problem next to the field, which is marked invalid).
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { FormOutcome, StaffField } from "../../../_components/staff-field.tsx";

type Settings = { daysBefore: number[]; digestHour: number; escalateOverdue: boolean };

type Props = {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<string>>;
  current: Settings;
  timeZone: string;
};

const hours = Array.from({ length: 24 }, (_, hour) => hour);

export function ReminderSettingsForm({ action, current, timeZone }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("staffSettings.reminders");
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  // "daysBefore.1" is a problem with the daysBefore field.
  const problemWith = (field: string) => issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
  const escalateError = problemWith("escalateOverdue");
  return (
    <form action={formAction} className="staff-form staff-narrow">
      <FormOutcome
        error={state && !state.ok ? (issues.length > 0 ? t("problems") : state.error.message) : undefined}
        success={state?.ok ? state.data : undefined}
      />
      <StaffField name="daysBefore" label={t("daysBefore")} hint={t("daysBeforeHint")} error={problemWith("daysBefore")}>
        {(control) => (
          <input {...control} name="daysBefore" className="input" inputMode="numeric" defaultValue={current.daysBefore.join(", ")} />
        )}
      </StaffField>
      <StaffField name="digestHour" label={t("digestHour")} hint={t("digestHourHint", { timeZone })} error={problemWith("digestHour")}>
        {(control) => (
          <select {...control} name="digestHour" className="select" defaultValue={String(current.digestHour)}>
            {hours.map((value) => (
              <option key={value} value={String(value)}>
                {String(value).padStart(2, "0")}:00
              </option>
            ))}
          </select>
        )}
      </StaffField>
      <div className={escalateError ? "field field--error" : "field"}>
        {escalateError ? (
          <p id="escalateOverdue-error" className="field-error">
            {escalateError}
          </p>
        ) : null}
        <div className="checkbox">
          <input
            id="escalateOverdue"
            name="escalateOverdue"
            type="checkbox"
            defaultChecked={current.escalateOverdue}
            aria-invalid={escalateError ? true : undefined}
            aria-describedby={escalateError ? "escalateOverdue-error escalateOverdue-hint" : "escalateOverdue-hint"}
          />
          <label htmlFor="escalateOverdue">{t("escalate")}</label>
          <p id="escalateOverdue-hint" className="hint">
            {t("escalateHint")}
          </p>
        </div>
      </div>
      <button type="submit" className="button" disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
