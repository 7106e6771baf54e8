"use client";
// The write-only secrets of the config: each its own password field that never shows the stored
// value (left empty, it keeps it), with where it sits in a connectors file; an optional one that is
// stored can be removed.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";
import { FieldErrors } from "./field-errors.tsx";
import { fieldControlProps, type Issue } from "./issue-placement.ts";
import { secretLabel } from "./secret-label.ts";

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export function SecretFields({
  secrets,
  mode,
  errorsOf,
}: {
  secrets: SecretField[];
  mode: "create" | "edit";
  errorsOf: (field: string) => Issue[];
}) {
  const t = useTranslations("staffConnectors.form");
  if (secrets.length === 0) return null;
  return (
    <fieldset className="field">
      <legend className="label">{t("secrets")}</legend>
      <p className="hint">
        {t("secretsHint")} {mode === "edit" ? t("secretsKeepHint") : null}
      </p>
      {secrets.map((secret) => {
        const field = `secret.${secret.name}`;
        const errors = errorsOf(field);
        return (
          <div key={secret.name} className="field">
            <label className="label" htmlFor={field}>
              {secretLabel(t, secret.name)}
            </label>
            <p id={`${field}-hint`} className="hint">
              {t.rich("secretInFile", { path: secret.name, code })}
              {secret.hint ? t.rich("secretStored", { hint: secret.hint, code }) : null}
            </p>
            <FieldErrors field={field} errors={errors} withoutPath />
            <input
              {...fieldControlProps(field, errors, true)}
              type="password"
              className="input"
              autoComplete="new-password"
              placeholder={secret.stored ? t("secretUnchanged") : secret.optional ? t("secretOptional") : ""}
            />
            {secret.stored && secret.optional ? (
              <label className="checkbox">
                <input type="checkbox" name="clearSecret" value={secret.name} /> {t("removeSecret")}
              </label>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
