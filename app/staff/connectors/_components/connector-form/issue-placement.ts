// Where a problem the server names goes on the form: an issue belongs to the first field its path
// names, and a config path belongs to a secret's own field when it names one.
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";

export type Issue = { path: string; message: string };

export function issuesOfField(issues: Issue[], field: string, secrets: SecretField[]): Issue[] {
  return issues.filter((issue) => {
    const top = issue.path.split(/[.[]/)[0];
    if (field.startsWith("secret.")) return issue.path === `config.${field.slice(7)}`;
    if (top === "config") return field === "config" && !secrets.some((s) => issue.path === `config.${s.name}`);
    return top === field;
  });
}

/** The secret an issue's path names, if any. */
export function secretOfIssue(path: string, secrets: SecretField[]): SecretField | undefined {
  return secrets.find((s) => path === `config.${s.name}`);
}

/** The id of the field an issue links to from the list of problems. */
export function issueTarget(path: string, secrets: SecretField[]): string {
  const secret = secretOfIssue(path, secrets);
  if (secret) return `secret.${secret.name}`;
  return path.split(/[.[]/)[0] || "key";
}

/** The id, name and aria wiring of a field, given its problems and whether it has a hint. */
export function fieldControlProps(field: string, errors: Issue[], hint = false) {
  const described = [hint ? `${field}-hint` : null, errors.length ? `${field}-error` : null].filter(Boolean).join(" ");
  return {
    id: field,
    name: field,
    "aria-invalid": errors.length ? true : undefined,
    "aria-describedby": described || undefined,
  };
}
