"use client";
// The actions a connector carries out, as checkboxes named with the shared right labels.
import { useTranslations } from "next-intl";
import { actionLabel } from "../action-label.ts";
import { FieldErrors } from "./field-errors.tsx";
import type { Issue } from "./issue-placement.ts";

const ACTIONS = ["access", "portability", "erasure", "rectification"] as const;

export function ActionsField({ chosen, errors, onChange }: { chosen: string[]; errors: Issue[]; onChange: (actions: string[]) => void }) {
  const t = useTranslations("staffConnectors.form");
  const labels = useTranslations("staffLabels");
  return (
    <fieldset className="field" aria-describedby={errors.length ? "actions-error" : undefined}>
      <legend className="label">{t("actions")}</legend>
      <FieldErrors field="actions" errors={errors} />
      {ACTIONS.map((action) => (
        <label key={action} className="checkbox">
          <input
            type="checkbox"
            name="actions"
            value={action}
            checked={chosen.includes(action)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, action] : chosen.filter((a) => a !== action))}
          />{" "}
          {actionLabel(labels, action)}
        </label>
      ))}
    </fieldset>
  );
}
