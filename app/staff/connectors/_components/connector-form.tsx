"use client";
// Add or edit one connector. The config is written as in a connectors file (YAML or JSON) but
// without its secrets: each secret has a field of its own that never shows the stored value, and
// left empty keeps it. Errors from the server name the field they belong to.
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { parse } from "yaml";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";
import { authSecretOf } from "@/lib/connectors/rest/auth-secret.ts";
import { secretFieldLabel } from "@/lib/connectors/secret-field-label.ts";
import { saveConnectorAction } from "../actions.ts";

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
  templatesByType?: Record<string, Array<{ name: string; title: string; text: string }>>;
};

const ACTIONS = ["access", "portability", "erasure", "rectification"] as const;

/** The limits; an empty field means the connectors file's default (5 attempts, concurrency 2, no rate limit). */
const numberFields = [
  { field: "maxAttempts", label: "Attempts per task (default 5)", min: 1, max: 20 },
  { field: "concurrency", label: "Concurrency (default 2)", min: 1, max: 50 },
  { field: "rateLimitPerSecond", label: "Rate limit (tasks per second, empty for none)", min: 1, max: 1000 },
] as const;

type State = (ActionResult<unknown> & { message?: string }) | null;

export function ConnectorForm({ mode, initial, secretsByType, examples, templatesByType = {} }: Props) {
  const [state, formAction, pending] = useActionState<State, FormData>(saveConnectorAction, null);
  const [values, setValues] = useState(initial);
  const templates = templatesByType[values.type] ?? [];
  const [template, setTemplate] = useState("");
  const [loaded, setLoaded] = useState("");
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
  const loadTemplate = () => {
    const chosen = templates.find((t) => t.name === template);
    if (!chosen) return;
    // Written by hand (not an example nor a template as loaded): replacing it is confirmed first.
    const handWritten =
      values.configText.trim() !== "" &&
      !Object.values(examples).includes(values.configText) &&
      !templates.some((t) => t.text === values.configText) &&
      values.configText !== initial.configText;
    if (handWritten && !window.confirm(`Replace the configuration you wrote with the ${chosen.title} template?`)) return;
    set("configText", chosen.text);
    setLoaded(`The ${chosen.title} template is in the configuration below. Adapt its address, then give its secret.`);
  };
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  // An issue belongs to the first field its path names; config paths go to a secret field when they name one.
  const issuesFor = (field: string) =>
    issues.filter((issue) => {
      const top = issue.path.split(/[.[]/)[0];
      if (field.startsWith("secret.")) return issue.path === `config.${field.slice(7)}`;
      if (top === "config") return field === "config" && !secrets.some((s) => issue.path === `config.${s.name}`);
      return top === field;
    });
  const fieldProps = (field: string, hint?: boolean) => {
    const errors = issuesFor(field);
    const described = [hint ? `${field}-hint` : null, errors.length ? `${field}-error` : null].filter(Boolean).join(" ");
    return {
      id: field,
      name: field,
      "aria-invalid": errors.length ? true : undefined,
      "aria-describedby": described || undefined,
    };
  };

  return (
    <form action={formAction} onSubmit={submitKeepingValues} className="staff-form connector-form" noValidate>
      {state && !state.ok ? (
        <div className="message message--error" role="alert">
          <p>{issues.length ? "Nothing was saved. Correct the fields marked below." : state.error.message}</p>
          {issues.length ? (
            <ul>
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <a href={`#${targetOf(issue.path, secrets)}`}>{nameOf(issue.path, secrets)}</a>: {issue.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {state?.ok ? (
        <p className="message message--success" role="status">
          {state.message ?? "Saved."}
        </p>
      ) : null}
      <input type="hidden" name="mode" value={mode} />

      {mode === "create" ? (
        <div className="field">
          <label className="label" htmlFor="key">
            Key
          </label>
          <p id="key-hint" className="hint">
            2 to 63 lower-case letters, digits or dashes, e.g. shop-db. It names the connector's queue and cannot change later.
          </p>
          <FieldErrors field="key" errors={issuesFor("key")} />
          <input
            {...fieldProps("key", true)}
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
          Name
        </label>
        <FieldErrors field="name" errors={issuesFor("name")} />
        <input {...fieldProps("name")} className="input" value={values.name} onChange={(e) => set("name", e.target.value)} />
      </div>

      {mode === "create" ? (
        <div className="field">
          <label className="label" htmlFor="type">
            Type
          </label>
          <FieldErrors field="type" errors={issuesFor("type")} />
          <select
            {...fieldProps("type")}
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

      <fieldset className="field" aria-describedby={issuesFor("actions").length ? "actions-error" : undefined}>
        <legend className="label">Actions it carries out</legend>
        <FieldErrors field="actions" errors={issuesFor("actions")} />
        {ACTIONS.map((action) => (
          <label key={action} className="checkbox">
            <input
              type="checkbox"
              name="actions"
              value={action}
              checked={values.actions.includes(action)}
              onChange={(e) => set("actions", e.target.checked ? [...values.actions, action] : values.actions.filter((a) => a !== action))}
            />{" "}
            {action}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label className="checkbox">
          <input type="checkbox" name="enabled" checked={values.enabled} onChange={(e) => set("enabled", e.target.checked)} /> Enabled (new
          approvals create tasks for it; saving checks the live system first)
        </label>
      </div>

      <div className="connector-form__numbers">
        {numberFields.map(({ field, label, min, max }) => (
          <NumberField
            key={field}
            label={label}
            field={field}
            errors={issuesFor(field)}
            value={values[field]}
            min={min}
            max={max}
            onChange={(n) => set(field, n)}
          />
        ))}
      </div>

      {templates.length ? (
        <div className="field">
          <label className="label" htmlFor="template">
            Start from a template
          </label>
          <p id="template-hint" className="hint">
            Each template describes a tool&apos;s API, with comments; loading one replaces the configuration below.
          </p>
          <div className="connector-form__template">
            <select
              id="template"
              className="select"
              aria-describedby="template-hint"
              value={template}
              onChange={(e) => {
                setTemplate(e.target.value);
                setLoaded("");
              }}
            >
              <option value="">Choose a tool…</option>
              {templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.title}
                </option>
              ))}
            </select>
            <button type="button" className="button button--secondary" aria-disabled={!template} onClick={loadTemplate}>
              Load the template
            </button>
          </div>
          <p className="hint connector-form__loaded" role="status">
            {loaded}
          </p>
        </div>
      ) : null}

      <div className="field">
        <label className="label" htmlFor="config">
          Configuration (YAML or JSON, as under <code>config:</code> in a connectors file)
        </label>
        <p id="config-hint" className="hint">
          Leave the secrets out: they have their own fields below.
        </p>
        <FieldErrors field="config" errors={issuesFor("config")} />
        <textarea
          {...fieldProps("config", true)}
          className="textarea connector-form__code"
          rows={14}
          spellCheck={false}
          value={values.configText}
          onChange={(e) => set("configText", e.target.value)}
        />
      </div>

      {secrets.length ? (
        <fieldset className="field">
          <legend className="label">Secrets (write-only)</legend>
          <p className="hint">
            Stored encrypted and never shown again.{" "}
            {mode === "edit" ? "Leave a field empty to keep the stored value; type a new value to replace it." : null}
          </p>
          {secrets.map((secret) => {
            const field = `secret.${secret.name}`;
            const errors = issuesFor(field);
            return (
              <div key={secret.name} className="field">
                <label className="label" htmlFor={field}>
                  {secretFieldLabel(secret.name)}
                </label>
                <p id={`${field}-hint`} className="hint">
                  In a connectors file: <code>{secret.name}</code>
                  {secret.hint ? (
                    <>
                      . Stored: <code>{secret.hint}</code>
                    </>
                  ) : null}
                </p>
                <FieldErrors field={field} errors={errors} withoutPath />
                <input
                  {...fieldProps(field, true)}
                  type="password"
                  className="input"
                  autoComplete="new-password"
                  placeholder={secret.stored ? "•••• (unchanged)" : secret.optional ? "(optional)" : ""}
                />
                {secret.stored && secret.optional ? (
                  <label className="checkbox">
                    <input type="checkbox" name="clearSecret" value={secret.name} /> Remove the stored value
                  </label>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}

      <div className="field">
        <label className="label" htmlFor="fieldDescriptions">
          Field descriptions (optional, YAML: category → field → text, or en / fr texts)
        </label>
        <p id="fieldDescriptions-hint" className="hint">
          Shown beside each field in the person's package, e.g.{" "}
          <code>{"customers: { email: { en: Your login, fr: Votre identifiant } }"}</code>
        </p>
        <FieldErrors field="fieldDescriptions" errors={issuesFor("fieldDescriptions")} />
        <textarea
          {...fieldProps("fieldDescriptions", true)}
          className="textarea connector-form__code"
          rows={5}
          spellCheck={false}
          value={values.fieldDescriptionsText}
          onChange={(e) => set("fieldDescriptionsText", e.target.value)}
        />
      </div>

      <div className="field">
        <label className="label" htmlFor="dataMap">
          Data map (YAML, as under <code>dataMap:</code> in a connectors file)
        </label>
        <p id="dataMap-hint" className="hint">
          For each table or category of this source: what it holds (dataCategories), why (purposes), on what basis (legalBasis), for how
          long (retention), who receives it (recipients) and where it came from (origin). The person's answer and the record of processing
          are built from it. Left empty, the source is shown as not described.
        </p>
        <FieldErrors field="dataMap" errors={issuesFor("dataMap")} />
        <textarea
          {...fieldProps("dataMap", true)}
          className="textarea connector-form__code"
          rows={values.dataMapText ? 16 : 6}
          spellCheck={false}
          value={values.dataMapText}
          onChange={(e) => set("dataMapText", e.target.value)}
        />
      </div>

      <button type="submit" className="button" aria-disabled={pending}>
        {pending ? "Checking and saving…" : mode === "create" ? "Add connector" : "Save changes"}
      </button>
    </form>
  );
}

/**
 * A rest connector's secret fields for the auth kind its config names (a bearer token, a basic
 * password, …); every field when the kind cannot be read yet. Other types keep all theirs.
 */
function visibleSecrets(type: string, configText: string, secrets: SecretField[]): SecretField[] {
  if (type !== "rest") return secrets;
  let kind: unknown;
  try {
    kind = (parse(configText) as { auth?: { type?: unknown } } | null)?.auth?.type;
  } catch {
    return secrets;
  }
  if (typeof kind !== "string" || !Object.hasOwn(authSecretOf, kind)) return secrets;
  const own = authSecretOf[kind];
  // Each kind has its own secret, optional only because the other kinds do not need it.
  return secrets
    .filter((secret) => !secret.name.startsWith("auth.") || secret.name === `auth.${own}`)
    .map((secret) => (secret.name === `auth.${own}` ? { ...secret, optional: false } : secret));
}

/** How the list of problems names a field: a secret by its label, the rest by its path. */
function nameOf(path: string, secrets: SecretField[]): string {
  const secret = secrets.find((s) => path === `config.${s.name}`);
  return secret ? secretFieldLabel(secret.name) : path || "connector";
}

function targetOf(path: string, secrets: SecretField[]): string {
  const secret = secrets.find((s) => path === `config.${s.name}`);
  if (secret) return `secret.${secret.name}`;
  return path.split(/[.[]/)[0] || "key";
}

function FieldErrors({
  field,
  errors,
  withoutPath = false,
}: {
  field: string;
  errors: Array<{ path: string; message: string }>;
  /** The field's label already says what it is (a secret named in words). */
  withoutPath?: boolean;
}) {
  if (errors.length === 0) return null;
  return (
    <div id={`${field}-error`} className="field-error">
      {errors.map((issue) => (
        <p key={`${issue.path}:${issue.message}`}>
          {!withoutPath && (issue.path.includes(".") || issue.path.includes("[")) ? <code>{issue.path}</code> : null} {issue.message}
        </p>
      ))}
    </div>
  );
}

function NumberField(props: {
  label: string;
  field: string;
  errors: Array<{ path: string; message: string }>;
  value: number | null;
  min: number;
  max: number;
  onChange: (value: number | null) => void;
}) {
  const { label, field, errors, value, min, max, onChange } = props;
  return (
    <div className="field">
      <label className="label" htmlFor={field}>
        {label}
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
        value={value ?? ""}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${field}-error` : undefined}
        onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
      />
    </div>
  );
}
