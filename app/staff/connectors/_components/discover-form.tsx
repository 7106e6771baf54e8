"use client";
// "Propose a mapping": the database's address (a password field: it is a secret, never shown back),
// then the proposed connectors-file entry with what to review, a copy button and the way to add it.
import Link from "next/link";
import { cloneElement, type InputHTMLAttributes, type ReactElement, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { proposeMappingAction } from "../discover/actions.ts";

type Proposal = { yaml: string; reviewNotes: string[]; tables: number; identity: string; urlVariable: string };
type State = ActionResult<Proposal> | null;

const FIELDS: Array<{ name: string; label: string; hint: string; input?: InputHTMLAttributes<HTMLInputElement> }> = [
  {
    name: "url",
    label: "Address",
    hint: "e.g. postgresql://reader:password@db.internal:5432/shop or mysql://reader:password@db.internal:3306/shop",
    // A secret: never shown on screen, never kept by the browser.
    input: { type: "password", required: true },
  },
  {
    name: "schema",
    label: "Schema (optional)",
    hint: "PostgreSQL: public unless given. MySQL: the database named in the address unless given.",
  },
  {
    name: "identityTable",
    label: "Table that identifies the person (optional)",
    hint: "Left empty, the portal chooses the table with an email column that fits best and names the others for review.",
  },
  {
    name: "sampleSize",
    label: "Rows sampled per table (optional)",
    hint: "200 unless given; at most 1,000.",
    input: { type: "number", min: 1, max: 1000, inputMode: "numeric", className: "input input--number" },
  },
];

export function DiscoverForm() {
  const [state, formAction, pending] = useActionState<State, FormData>(proposeMappingAction, null);
  const issues = state && !state.ok ? (state.error.issues ?? []) : [];
  const errorFor = (field: string) => issues.find((issue) => issue.path === field)?.message;
  return (
    <>
      <form action={formAction} className="staff-form discovery-form" noValidate>
        {state && !state.ok ? (
          <div className="message message--error" role="alert">
            <p>{issues.length ? "Correct the fields marked below." : state.error.message}</p>
          </div>
        ) : null}
        <fieldset className="field">
          <legend className="label">Database</legend>
          <label className="checkbox">
            <input type="radio" name="source" value="postgres" defaultChecked /> PostgreSQL
          </label>
          <label className="checkbox">
            <input type="radio" name="source" value="mysql" /> MySQL or MariaDB
          </label>
        </fieldset>
        {FIELDS.map(({ name, label, hint, input }) => (
          <Field key={name} name={name} label={label} error={errorFor(name)} hint={hint}>
            <input id={name} name={name} className="input" autoComplete="off" spellCheck={false} {...input} />
          </Field>
        ))}
        <button type="submit" className="button" aria-disabled={pending}>
          {pending ? "Reading the database…" : "Propose a mapping"}
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
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(proposal.yaml);
    setCopied(true);
  };
  return (
    <section aria-labelledby="proposal-heading" className="discovery-proposal">
      <h2 id="proposal-heading">Proposed connector</h2>
      <p role="status">
        {proposal.tables} {proposal.tables === 1 ? "table" : "tables"} mapped; the person is found by <code>{proposal.identity}</code>.
        Before applying it, set <code>{proposal.urlVariable}</code> to the address in the environment (the draft never holds it).
      </p>
      {proposal.reviewNotes.length ? (
        <>
          <h3>To review</h3>
          <ul className="discovery-proposal__notes">
            {proposal.reviewNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>Draft connectors file</h3>
      <p>
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy the draft
        </button>{" "}
        <span aria-live="polite">{copied ? "Copied." : ""}</span> <Link href="/staff/connectors/new">Add a new connector</Link> with it, or
        save it to a file for <code>npm run admin -- apply-connectors</code>.
      </p>
      <label className="label" htmlFor="draft">
        The draft (YAML, with the reasons for each guess in comments)
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
