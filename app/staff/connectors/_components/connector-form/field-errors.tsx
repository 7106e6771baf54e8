// The problems of one field, under its label; a nested path (config.tables[0].table) is shown
// as code before its message, as the connectors file names it.
import type { Issue } from "./issue-placement.ts";

export function FieldErrors({
  field,
  errors,
  withoutPath = false,
}: {
  field: string;
  errors: Issue[];
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
