"use client";
// The reminder settings form: the result is announced beside it (role=status, or role=alert with
// each field's problem next to the field, which is marked invalid).
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
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  // "daysBefore.1" is a problem with the daysBefore field.
  const problemWith = (field: string) => issues.find((issue) => issue.path === field || issue.path.startsWith(`${field}.`))?.message;
  const escalateError = problemWith("escalateOverdue");
  return (
    <form action={formAction} className="staff-form staff-narrow">
      <FormOutcome
        error={
          state && !state.ok
            ? issues.length > 0
              ? "The settings were not saved: correct the fields marked below."
              : state.error.message
            : undefined
        }
        success={state?.ok ? state.data : undefined}
      />
      <StaffField
        name="daysBefore"
        label="Remind the assignee this many days before the due date"
        hint="Up to 6 numbers from 1 to 60, separated by commas. Leave empty to send no reminders before due dates."
        error={problemWith("daysBefore")}
      >
        {(control) => (
          <input {...control} name="daysBefore" className="input" inputMode="numeric" defaultValue={current.daysBefore.join(", ")} />
        )}
      </StaffField>
      <StaffField
        name="digestHour"
        label="Send the daily digest from"
        hint={`The hour on the controller's clock (${timeZone}).`}
        error={problemWith("digestHour")}
      >
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
          <label htmlFor="escalateOverdue">Tell every admin when a request is overdue</label>
          <p id="escalateOverdue-hint" className="hint">
            Once per request and due date; again if a new due date passes too.
          </p>
        </div>
      </div>
      <button type="submit" className="button" disabled={pending}>
        Save reminder settings
      </button>
    </form>
  );
}
