"use client";
// Add or edit one connector. The config is written as in a connectors file (YAML or JSON) but
// without its secrets: each secret has a field of its own that never shows the stored value, and
// left empty keeps it. Errors from the server name the field they belong to. The parts are in
// connector-form/: the answer to a save, the limits, the template picker, the secrets, the YAML
// fields, the actions.
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, startTransition, useActionState, useState } from "react";
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";
import { saveConnectorAction } from "../actions.ts";
import { ActionsField } from "./connector-form/actions-field.tsx";
import { FieldErrors } from "./connector-form/field-errors.tsx";
import { fieldControlProps, issuesOfField } from "./connector-form/issue-placement.ts";
import { LimitFields } from "./connector-form/limit-fields.tsx";
import { SaveOutcome, type SaveState } from "./connector-form/save-outcome.tsx";
import { SecretFields } from "./connector-form/secret-fields.tsx";
import { type ConnectorTemplate, TemplatePicker } from "./connector-form/template-picker.tsx";
import { visibleSecrets } from "./connector-form/visible-secrets.ts";
import { YamlField } from "./connector-form/yaml-field.tsx";

export type ConnectorFormValues = {
  key: string;
  name: string;
  type: string;
  actions: string[];
  enabled: boolean;
  maxAttempts: number | null;
  concurrency: number | null;
  rateLimitPerSecond: number | null;
  configText: string;
  fieldDescriptionsText: string;
  dataMapText: string;
};

type Props = {
  mode: "create" | "edit";
  initial: ConnectorFormValues;
  /** The secret fields of each type (for a new connector, the chosen type's are shown). */
  secretsByType: Record<string, SecretField[]>;
  /** A starting config per type, for a new connector. */
  examples: Record<string, string>;
  /** Ready-made configs per type (rest: Stripe, Zendesk, HubSpot), loaded into the config on request. */
  templatesByType?: Record<string, ConnectorTemplate[]>;
};

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export function ConnectorForm({ mode, initial, secretsByType, examples, templatesByType = {} }: Props) {
  const t = useTranslations("staffConnectors.form");
  const [state, formAction, pending] = useActionState<SaveState, FormData>(saveConnectorAction, null);
  const [values, setValues] = useState(initial);
  const templates = templatesByType[values.type] ?? [];
  const set = <K extends keyof ConnectorFormValues>(name: K, value: ConnectorFormValues[K]) => setValues((v) => ({ ...v, [name]: value }));
  const secrets = visibleSecrets(values.type, values.configText, secretsByType[values.type] ?? []);
  // Submitted by hand: React resets a form after its action runs, which would put the selects back
  // to their first option (a rest connector resubmitted as postgres). Secret fields are cleared here.
  const submitKeepingValues = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    for (const input of form.querySelectorAll<HTMLInputElement>("input[type=password]")) input.value = "";
    startTransition(() => formAction(data));
  };
  // Written by hand (not an example nor a template as loaded): replacing it is confirmed first.
  const isHandWritten = () =>
    values.configText.trim() !== "" &&
    !Object.values(examples).includes(values.configText) &&
    !templates.some((template) => template.text === values.configText) &&
    values.configText !== initial.configText;
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const errorsOf = (field: string) => issuesOfField(issues, field, secrets);

  return (
    <form action={formAction} onSubmit={submitKeepingValues} className="staff-form connector-form" noValidate>
      <SaveOutcome state={state} secrets={secrets} />
      <input type="hidden" name="mode" value={mode} />

      {mode === "create" ? (
        <div className="field">
          <label className="label" htmlFor="key">
            {t("key")}
          </label>
          <p id="key-hint" className="hint">
            {t("keyHint")}
          </p>
          <FieldErrors field="key" errors={errorsOf("key")} />
          <input
            {...fieldControlProps("key", errorsOf("key"), true)}
            className="input"
            value={values.key}
            onChange={(e) => set("key", e.target.value)}
            autoComplete="off"
          />
        </div>
      ) : (
        // Key and type cannot change: the page shows them as text above; the form still sends them.
        <>
          <input type="hidden" name="key" value={values.key} />
          <input type="hidden" name="type" value={values.type} />
        </>
      )}

      <div className="field">
        <label className="label" htmlFor="name">
          {t("name")}
        </label>
        <FieldErrors field="name" errors={errorsOf("name")} />
        <input
          {...fieldControlProps("name", errorsOf("name"))}
          className="input"
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
        />
      </div>

      {mode === "create" ? (
        <div className="field">
          <label className="label" htmlFor="type">
            {t("type")}
          </label>
          <FieldErrors field="type" errors={errorsOf("type")} />
          <select
            {...fieldControlProps("type", errorsOf("type"))}
            className="select"
            value={values.type}
            onChange={(e) => {
              const type = e.target.value;
              // Swap in the new type's example unless the config was already written by hand.
              const untouched = values.configText.trim() === "" || Object.values(examples).includes(values.configText);
              setValues((v) => ({ ...v, type, configText: untouched ? (examples[type] ?? "") : v.configText }));
            }}
          >
            {Object.keys(secretsByType).map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <ActionsField chosen={values.actions} errors={errorsOf("actions")} onChange={(actions) => set("actions", actions)} />

      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="enabled" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} />{" "}
          {t("enabled")}
        </label>
      </div>

      <LimitFields values={values} errorsOf={errorsOf} onChange={(field, value) => set(field, value)} />

      {templates.length ? (
        <TemplatePicker templates={templates} isHandWritten={isHandWritten} onLoad={(text) => set("configText", text)} />
      ) : null}

      <YamlField
        field="config"
        label={t.rich("config", { code })}
        hint={t("configHint")}
        errors={errorsOf("config")}
        rows={14}
        value={values.configText}
        onChange={(text) => set("configText", text)}
      />

      <SecretFields secrets={secrets} mode={mode} errorsOf={errorsOf} />

      <YamlField
        field="fieldDescriptions"
        label={t("fieldDescriptions")}
        hint={t.rich("fieldDescriptionsHint", { code, example: "customers: { email: { en: Your login, fr: Votre identifiant } }" })}
        errors={errorsOf("fieldDescriptions")}
        rows={5}
        value={values.fieldDescriptionsText}
        onChange={(text) => set("fieldDescriptionsText", text)}
      />

      <YamlField
        field="dataMap"
        label={t.rich("dataMap", { code })}
        hint={t("dataMapHint")}
        errors={errorsOf("dataMap")}
        rows={values.dataMapText ? 16 : 6}
        value={values.dataMapText}
        onChange={(text) => set("dataMapText", text)}
      />

      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? t("saving") : mode === "create" ? t("create") : t("save")}
      </button>
    </form>
  );
}
