"use client";
// The connector's limits: attempts per task, concurrency, rate limit. An empty field means the
// connectors file's default (5 attempts, concurrency 2, no rate limit).
import { useTranslations } from "next-intl";
import { FieldErrors } from "./field-errors.tsx";
import type { Issue } from "./issue-placement.ts";

export type LimitField = "maxAttempts" | "concurrency" | "rateLimitPerSecond";

const limits = [
  { field: "maxAttempts", min: 1, max: 20 },
  { field: "concurrency", min: 1, max: 50 },
  { field: "rateLimitPerSecond", min: 1, max: 1000 },
] as const;

export function LimitFields({
  values,
  errorsOf,
  onChange,
}: {
  values: Record<LimitField, number | null>;
  errorsOf: (field: string) => Issue[];
  onChange: (field: LimitField, value: number | null) => void;
}) {
  const t = useTranslations("staffConnectors.form");
  return (
    <div className="connector-form__numbers">
      {limits.map(({ field, min, max }) => {
        const errors = errorsOf(field);
        return (
          <div key={field} className="field">
            <label className="label" htmlFor={field}>
              {t(field)}
            </label>
            <FieldErrors field={field} errors={errors} />
            <input
              id={field}
              name={field}
              type="number"
              inputMode="numeric"
              className="input"
              min={min}
              max={max}
              value={values[field] ?? ""}
              aria-invalid={errors.length ? true : undefined}
              aria-describedby={errors.length ? `${field}-error` : undefined}
              onChange={(e) => onChange(field, e.target.value === "" ? null : Number(e.target.value))}
            />
          </div>
        );
      })}
    </div>
  );
}
