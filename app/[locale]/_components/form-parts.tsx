"use client";
// Small pieces shared by the public forms: hints, field errors, the error summary, and a way to
// know whether JavaScript is running (so buttons can fall back to plain form posts).
import { type MouseEvent, type ReactNode, type RefObject, useSyncExternalStore } from "react";
import type { FormIssue } from "../actions.schema.ts";

const subscribeNever = () => () => {};

/** False while rendering on the server and hydrating, true once JavaScript runs in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

/** The id of the input an issue path points at ("corrections.0.field" → "corrections-0-field"). */
export function fieldId(path: string): string {
  return path.replaceAll(".", "-") || "form";
}

export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}

/** The ids an input is described by: its hint (if any) and its error (if any). */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter(Boolean);
  return present.length > 0 ? present.join(" ") : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="hint">
      {children}
    </p>
  );
}

export function FieldError({ id, label, message }: { id: string; label: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">{label} </span>
      {message}
    </p>
  );
}

export function Marker({ text }: { text: string }) {
  return <span className="marker"> {text}</span>;
}

type ErrorSummaryProps = {
  title: string;
  issues: FormIssue[];
  formError: string | null;
  targetFor: (path: string) => string;
  summaryRef: RefObject<HTMLDivElement | null>;
};

/** "There is a problem", with a link to each field in error. Focused after a failed submit. */
export function ErrorSummary({ title, issues, formError, targetFor, summaryRef }: ErrorSummaryProps) {
  if (issues.length === 0 && !formError) return null;
  function jump(event: MouseEvent<HTMLAnchorElement>, id: string) {
    const target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "center" });
  }
  return (
    <div className="error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby="error-summary-title" role="alert">
      <h2 id="error-summary-title" className="error-summary__title">
        {title}
      </h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.message}`}>
            <a href={`#${targetFor(issue.path)}`} onClick={(event) => jump(event, targetFor(issue.path))}>
              {issue.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
