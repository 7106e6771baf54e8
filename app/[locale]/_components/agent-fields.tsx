"use client";
import { useTranslations } from "next-intl";
// "I am filing for someone else": the agent's own details and the permission the person signed
// (CCPA regs §7063(a)). The person's email stays the form's main email: confirmation goes there.
import type { ChangeEvent } from "react";
import { PERMISSION_TYPES } from "@/lib/agents/sniff-permission-type.ts";
import type { RequestFormValues } from "../actions.schema.ts";
import { describedBy, errorId, FieldError, fieldId, Hint, Marker } from "./form-parts.tsx";

type AgentFieldsProps = {
  values: RequestFormValues;
  messageFor: (path: string) => string | undefined;
  onChange: (key: "onBehalf" | "agentName" | "agentEmail" | "agentOrganisation", value: string | boolean) => void;
};

const textFields = [
  { path: "agent.name", name: "agentName", type: "text", autoComplete: "name", required: true },
  { path: "agent.email", name: "agentEmail", type: "email", autoComplete: "email", required: true },
  { path: "agent.organisation", name: "agentOrganisation", type: "text", autoComplete: "organization", required: false },
] as const;

export function AgentFields({ values, messageFor, onChange }: AgentFieldsProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  const labels = {
    agentName: [t("form.agentName"), t("form.agentNameHint")],
    agentEmail: [t("form.agentEmail"), t("form.agentEmailHint")],
    agentOrganisation: [t("form.agentOrganisation"), t("form.agentOrganisationHint")],
  } as const;
  const permissionError = messageFor("agentPermission");
  return (
    <>
      <fieldset className="field group" aria-describedby="onBehalf-hint">
        <legend className="legend">{t("form.onBehalfLegend")}</legend>
        <div className="checkbox">
          <input
            id="onBehalf"
            name="onBehalf"
            type="checkbox"
            value="yes"
            checked={values.onBehalf}
            aria-describedby="onBehalf-hint"
            // Names the fields it shows only while they are on the page (an id that is not there is invalid ARIA).
            aria-controls={values.onBehalf ? "agent-fields" : undefined}
            onChange={(event: ChangeEvent<HTMLInputElement>) => onChange("onBehalf", event.target.checked)}
          />
          <label htmlFor="onBehalf">{t("form.onBehalf")}</label>
          <Hint id="onBehalf-hint">{t("form.onBehalfHint")}</Hint>
        </div>
      </fieldset>

      {values.onBehalf ? (
        <fieldset className="field group" id="agent-fields">
          <legend className="legend">{t("form.agentLegend")}</legend>
          {textFields.map(({ path, name, type, autoComplete, required }) => {
            const message = messageFor(path);
            const id = fieldId(path);
            const [label, hint] = labels[name];
            return (
              <div className={`field${message ? " field--error" : ""}`} key={name}>
                <label className="label" htmlFor={id}>
                  {label}
                  <Marker text={required ? common("required") : common("optional")} />
                </label>
                <Hint id={`${id}-hint`}>{hint}</Hint>
                <FieldError id={errorId(path)} label={common("error")} message={message} />
                <input
                  id={id}
                  name={name}
                  type={type}
                  className="input"
                  autoComplete={autoComplete}
                  spellCheck={type === "email" ? false : undefined}
                  required={required}
                  value={values[name]}
                  aria-invalid={message ? true : undefined}
                  aria-describedby={describedBy(`${id}-hint`, message && errorId(path))}
                  onChange={(event) => onChange(name, event.target.value)}
                />
              </div>
            );
          })}
          <div className={`field${permissionError ? " field--error" : ""}`}>
            <label className="label" htmlFor="agentPermission">
              {t("form.agentPermission")}
              <Marker text={common("required")} />
            </label>
            <Hint id="agentPermission-hint">{t("form.agentPermissionHint")}</Hint>
            <FieldError id={errorId("agentPermission")} label={common("error")} message={permissionError} />
            <input
              id="agentPermission"
              name="agentPermission"
              type="file"
              className="input"
              accept={[...PERMISSION_TYPES, ".pdf", ".png", ".jpg", ".jpeg"].join(",")}
              required
              aria-invalid={permissionError ? true : undefined}
              aria-describedby={describedBy("agentPermission-hint", permissionError && errorId("agentPermission"))}
            />
          </div>
        </fieldset>
      ) : null}
    </>
  );
}
