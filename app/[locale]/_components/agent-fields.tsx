"use client";
// "I am filing for someone else": the agent's own details and the permission the person signed
// (CCPA regs §7063(a)). The person's email stays the form's main email: confirmation goes there.
import type { ChangeEvent } from "react";
import { PERMISSION_TYPES } from "@/lib/agents/sniff-permission-type.ts";
import { t } from "@/lib/i18n/messages.ts";
import type { Locale } from "@/lib/requests/request-input.schema.ts";
import type { RequestFormValues } from "../actions.schema.ts";
import { describedBy, errorId, FieldError, fieldId, Hint, Marker } from "./form-parts.tsx";

type AgentFieldsProps = {
  locale: Locale;
  values: RequestFormValues;
  messageFor: (path: string) => string | undefined;
  onChange: (key: "onBehalf" | "agentName" | "agentEmail" | "agentOrganisation", value: string | boolean) => void;
};

const textFields = [
  { path: "agent.name", name: "agentName", type: "text", autoComplete: "name", required: true },
  { path: "agent.email", name: "agentEmail", type: "email", autoComplete: "email", required: true },
  { path: "agent.organisation", name: "agentOrganisation", type: "text", autoComplete: "organization", required: false },
] as const;

export function AgentFields({ locale, values, messageFor, onChange }: AgentFieldsProps) {
  const m = t(locale);
  const labels = {
    agentName: [m.form.agentName, m.form.agentNameHint],
    agentEmail: [m.form.agentEmail, m.form.agentEmailHint],
    agentOrganisation: [m.form.agentOrganisation, m.form.agentOrganisationHint],
  } as const;
  const permissionError = messageFor("agentPermission");
  return (
    <>
      <fieldset className="field group" aria-describedby="onBehalf-hint">
        <legend className="legend">{m.form.onBehalfLegend}</legend>
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
          <label htmlFor="onBehalf">{m.form.onBehalf}</label>
          <Hint id="onBehalf-hint">{m.form.onBehalfHint}</Hint>
        </div>
      </fieldset>

      {values.onBehalf ? (
        <fieldset className="field group" id="agent-fields">
          <legend className="legend">{m.form.agentLegend}</legend>
          {textFields.map(({ path, name, type, autoComplete, required }) => {
            const message = messageFor(path);
            const id = fieldId(path);
            const [label, hint] = labels[name];
            return (
              <div className={`field${message ? " field--error" : ""}`} key={name}>
                <label className="label" htmlFor={id}>
                  {label}
                  <Marker text={required ? m.common.required : m.common.optional} />
                </label>
                <Hint id={`${id}-hint`}>{hint}</Hint>
                <FieldError id={errorId(path)} label={m.common.error} message={message} />
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
              {m.form.agentPermission}
              <Marker text={m.common.required} />
            </label>
            <Hint id="agentPermission-hint">{m.form.agentPermissionHint}</Hint>
            <FieldError id={errorId("agentPermission")} label={m.common.error} message={permissionError} />
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
