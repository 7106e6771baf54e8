"use client";
// The member's language for the staff pages and their emails: follow the browser, or one of the
// portal's languages. Saved at once; the page and the menu come back in the chosen language.
import { useActionState } from "react";
import { FormOutcome } from "../../_components/staff-field.tsx";
import type { AuthFormState } from "../../auth-actions.schema.ts";

type Props = {
  action: (previous: AuthFormState, formData: FormData) => Promise<AuthFormState>;
  /** "browser" or a language code: what is saved now. */
  current: string;
  options: Array<{ value: string; label: string; lang?: string }>;
  legend: string;
  note: string;
  submitLabel: string;
};

export function LanguageForm({ action, current, options, legend, note, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="staff-form" noValidate>
      <FormOutcome error={state?.error ?? state?.fieldErrors?.locale} success={state?.message} />
      <fieldset className="field">
        <legend className="label">{legend}</legend>
        <p className="hint">{note}</p>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input type="radio" name="locale" value={option.value} defaultChecked={option.value === current} />{" "}
            <span lang={option.lang}>{option.label}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button button--secondary" aria-disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
