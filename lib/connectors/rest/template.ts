// Templates in a rest connector's requests: `{email}`, `{accountId}`, `{id}` (the person's id in
// the source) and, in an erase step run on each object of a category, `{item.<path>}`. `{{` and
// `}}` stand for literal braces. In a path each value is URL-encoded; query values are encoded
// when the query string is built; in a body they go in as they are (JSON or form encoding
// escapes them).
import { selectPath } from "./json-path.ts";

export type TemplateValues = { email: string | null; accountId?: string | null; id?: string; item?: unknown };

const VARIABLE = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_]*(?:\.[^{}]+)?)\}/g;

/** The variable names a template text uses (`item.id` counts as `item.id`). */
export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(VARIABLE)) if (match[1]) names.push(match[1]);
  return names;
}

/** Every variable used in the strings of a JSON-like value (a body or query template). */
export function templateVariablesIn(value: unknown): string[] {
  if (typeof value === "string") return templateVariables(value);
  if (Array.isArray(value)) return value.flatMap(templateVariablesIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(templateVariablesIn);
  return [];
}

/** A value missing for a template (an account id nobody confirmed): the request cannot be made. */
export class MissingTemplateValue extends Error {
  constructor(readonly variable: string) {
    super(`no value for {${variable}}`);
    this.name = "MissingTemplateValue";
  }
}

function variableValue(name: string, values: TemplateValues): string {
  let value: unknown;
  if (name === "email") value = values.email;
  else if (name === "accountId") value = values.accountId;
  else if (name === "id") value = values.id;
  else if (name.startsWith("item.")) value = selectPath(values.item, name.slice(5));
  if (value === undefined || value === null || value === "") throw new MissingTemplateValue(name);
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

export function fillText(text: string, values: TemplateValues, encode: (value: string) => string = (v) => v): string {
  return text.replace(VARIABLE, (whole, name: string | undefined) => {
    if (whole === "{{") return "{";
    if (whole === "}}") return "}";
    return encode(variableValue(name as string, values));
  });
}

/** A path template with each value URL-encoded, so an id or email can never add a path segment. */
export function fillPath(path: string, values: TemplateValues): string {
  return fillText(path, values, encodeURIComponent);
}

/** A body or query template with its strings filled in; other values unchanged. */
export function fillValue(value: unknown, values: TemplateValues): unknown {
  if (typeof value === "string") return fillText(value, values);
  if (Array.isArray(value)) return value.map((entry) => fillValue(entry, values));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, fillValue(entry, values)]));
  }
  return value;
}
