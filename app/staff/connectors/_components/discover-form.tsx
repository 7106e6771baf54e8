"use client";
// "Propose a mapping": the database's address (a password field: it is a secret, never shown back),
// then the proposed connectors-file entry with what to review, a copy button and the way to add it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cloneElement, type InputHTMLAttributes, type ReactElement, type ReactNode, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { proposeMappingAction } from "../discover/actions.ts";

type Proposal = { yaml: string; reviewNotes: string[]; tables: number; identity: string; urlVariable: string };
type State = ActionResult<Proposal> | null;

/** The fields after the database's kind; label and hint are staffConnectors.discover.<name> and <name>Hint. */
const FIELDS: Array<{ name: "url" | "schema" | "identityTable" | "sampleSize"; input?: InputHTMLAttributes<HTMLInputElement> }> = [
  // A secret: never shown on screen, never kept by the browser.
  { name: "url", input: { type: "password", required: true } },
  { name: "schema" },
  { name: "identityTable" },
  { name: "sampleSize", input: { type: "number", min: 1, max: 1000, inputMode: "numeric", className: "input input--number" } },
];

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export function DiscoverForm({ sampleSize, maxSampleSize }: { sampleSize: number; maxSampleSize: number }) {
  const t = useTranslations("staffConnectors.discover");
  const [state, formAction, pending] = useActionState<State, FormData>(proposeMappingAction, null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const errorFor = (field: string) => issues.find((issue) => issue.path === field)?.message;
  return (
    <>
      <form action={formAction} className="staff-form discovery-form" noValidate>
        {state && !state.ok ? (
          <div className="message message--error" role="alert">
            <p>{issues.length ? t("problems") : state.error.message}</p>
          </div>
        ) : null}
        <fieldset className="field">
          <legend className="label">{t("database")}</legend>
          <label className="checkbox">
            <input type="radio" name="source" value="postgres" defaultChecked /> {t("postgres")}
          </label>
          <label className="checkbox">
            <input type="radio" name="source" value="mysql" /> {t("mysql")}
          </label>
        </fieldset>
        {FIELDS.map(({ name, input }) => (
          <Field
            key={name}
            name={name}
            label={t(name)}
            error={errorFor(name)}
            hint={t(`${name}Hint`, { sample: sampleSize, max: maxSampleSize })}
          >
            <input id={name} name={name} className="input" autoComplete="off" spellCheck={false} {...input} />
          </Field>
        ))}
        <button type="submit" className="button" aria-disabled={pending}>
          {pending ? t("reading") : t("submit")}
        </button>
      </form>
      {state?.ok ? <ProposalView proposal={state.data} /> : null}
    </>
  );
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint: string;
  error?: string;
  children: ReactElement<InputHTMLAttributes<HTMLInputElement>>;
}) {
  const described = error ? `${name}-hint ${name}-error` : `${name}-hint`;
  return (
    <div className="field">
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <p id={`${name}-hint`} className="hint">
        {hint}
      </p>
      {error ? (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {cloneElement(children, { "aria-describedby": described, "aria-invalid": error ? true : undefined })}
    </div>
  );
}

function ProposalView({ proposal }: { proposal: Proposal }) {
  const t = useTranslations("staffConnectors.discover");
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(proposal.yaml);
    setCopied(true);
  };
  return (
    <section aria-labelledby="proposal-heading" className="discovery-proposal">
      <h2 id="proposal-heading">{t("proposal")}</h2>
      <p role="status">
        {t.rich("summary", { tables: proposal.tables, identity: proposal.identity, variable: proposal.urlVariable, code })}
      </p>
      {proposal.reviewNotes.length ? (
        <>
          <h3>{t("review")}</h3>
          <ul className="discovery-proposal__notes">
            {proposal.reviewNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("draftTitle")}</h3>
      <p>
        <button type="button" className="button button--secondary" onClick={copy}>
          {t("copy")}
        </button>{" "}
        <span aria-live="polite">{copied ? t("copied") : ""}</span>{" "}
        {t.rich("useDraft", { code, link: (chunks) => <Link href="/staff/connectors/new">{chunks}</Link> })}
      </p>
      <label className="label" htmlFor="draft">
        {t("draft")}
      </label>
      <textarea
        id="draft"
        className="input input--code connector-form__code discovery-proposal__yaml"
        readOnly
        rows={30}
        wrap="off"
        value={proposal.yaml}
      />
    </section>
  );
}
