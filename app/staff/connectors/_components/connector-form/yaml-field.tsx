"use client";
// One text area of YAML (the config, the field descriptions, the data map), with its label, hint
// and problems.
import type { ReactNode } from "react";
import { FieldErrors } from "./field-errors.tsx";
import { fieldControlProps, type Issue } from "./issue-placement.ts";

export function YamlField({
  field,
  label,
  hint,
  errors,
  rows,
  value,
  onChange,
}: {
  field: string;
  label: ReactNode;
  hint: ReactNode;
  errors: Issue[];
  rows: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label className="label" htmlFor={field}>
        {label}
      </label>
      <p id={`${field}-hint`} className="hint">
        {hint}
      </p>
      <FieldErrors field={field} errors={errors} />
      <textarea
        {...fieldControlProps(field, errors, true)}
        className="textarea connector-form__code"
        rows={rows}
        spellCheck={false}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
