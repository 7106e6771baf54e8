"use client";
// The answer to a save: the list of problems (each a link to its field), the refusal's own
// message when no field is named, or what was saved.
import { useTranslations } from "next-intl";
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";
import type { Issue } from "./issue-placement.ts";
import { issueTarget, secretOfIssue } from "./issue-placement.ts";
import { secretLabel } from "./secret-label.ts";

export type SaveState = { ok: true; message?: string } | { ok: false; error: { message: string; issues?: Issue[] } } | null;

export function SaveOutcome({ state, secrets }: { state: SaveState; secrets: SecretField[] }) {
  const t = useTranslations("staffConnectors.form");
  if (state === null) return null;
  if (state.ok) {
    return (
      <p className="message message--success" role="status">
        {state.message ?? t("saved")}
      </p>
    );
  }
  const issues = state.error.issues ?? [];
  // A secret is named by its label, the rest by its path.
  const nameOf = (path: string) => {
    const secret = secretOfIssue(path, secrets);
    return secret ? secretLabel(t, secret.name) : path || t("problemsWhole");
  };
  return (
    <div className="message message--error" role="alert">
      <p>{issues.length ? t("problems") : state.error.message}</p>
      {issues.length ? (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {t.rich("issue", {
                name: nameOf(issue.path),
                message: issue.message,
                link: (chunks) => <a href={`#${issueTarget(issue.path, secrets)}`}>{chunks}</a>,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
