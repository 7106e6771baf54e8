"use client";
// The reminder settings form: the result is announced beside it (role=status, or role=alert with
// each field's problem next to the field, which is marked invalid).
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";

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
  const field = (name: keyof Settings) => {
    const message = problemWith(name);
    return {
      className: message ? "field field--error" : "field",
      invalid: message ? true : undefined,
      describedBy: message ? `${name}-error ${name}-hint` : `${name}-hint`,
      error: message ? (
        <p id={`${name}-error`} className="field-error">
          {message}
        </p>
      ) : null,
    };
  };
  const days = field("daysBefore");
  const hour = field("digestHour");
  const escalate = field("escalateOverdue");
  return (
    <form action={formAction} className="staff-form staff-narrow">
      {state && !state.ok ? (
        <p className="message message--error" role="alert">
          {issues.length > 0 ? "The settings were not saved: correct the fields marked below." : state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p className="message message--success" role="status">
          {state.data}
        </p>
      ) : null}
      <div className={days.className}>
        <label className="label" htmlFor="daysBefore">
          Remind the assignee this many days before the due date
        </label>
        <p id="daysBefore-hint" className="hint">
          Up to 6 numbers from 1 to 60, separated by commas. Leave empty to send no reminders before due dates.
        </p>
        {days.error}
        <input
          id="daysBefore"
          name="daysBefore"
          className="input"
          inputMode="numeric"
          defaultValue={current.daysBefore.join(", ")}
          aria-invalid={days.invalid}
          aria-describedby={days.describedBy}
        />
      </div>
      <div className={hour.className}>
        <label className="label" htmlFor="digestHour">
          Send the daily digest from
        </label>
        <p id="digestHour-hint" className="hint">
          The hour on the controller's clock ({timeZone}).
        </p>
        {hour.error}
        <select
          id="digestHour"
          name="digestHour"
          className="select"
          defaultValue={String(current.digestHour)}
          aria-invalid={hour.invalid}
          aria-describedby={hour.describedBy}
        >
          {hours.map((value) => (
            <option key={value} value={String(value)}>
              {String(value).padStart(2, "0")}:00
            </option>
          ))}
        </select>
      </div>
      <div className={escalate.className}>
        {escalate.error}
        <div className="checkbox">
          <input
            id="escalateOverdue"
            name="escalateOverdue"
            type="checkbox"
            defaultChecked={current.escalateOverdue}
            aria-invalid={escalate.invalid}
            aria-describedby={escalate.describedBy}
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
