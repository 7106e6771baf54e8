// Validation messages are written in English by the schemas and checks (zod's own, the connectors
// file's, the settings'), and stay English for files, logs and API clients. A staff member reads
// them in their language: each English message of the catalogue namespace `staffChecks` is a
// pattern whose arguments are captured ("Table \"{table}\" is listed twice"), and the same key is
// then written in the reader's language. Captured values are technical (a table, a path, a line)
// and kept verbatim, except in arguments whose name ends in "Term", which are translated when they
// are one of `staffChecks.term` ("table name", "string"), and those whose name ends in "Check",
// which are check messages themselves (a problem's advice, a connector test's cause) and are said
// in the reader's language when they are one, and "Checks", a list of them joined by ", ".
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { catalogues, type Locale } from "./catalogue.ts";
import { translateKey } from "./translator.ts";

type Pattern = { key: string; regex: RegExp; names: string[]; numbers: string[]; literalLength: number };

const NAMESPACE = "staffChecks";

let compiled: { patterns: Pattern[]; terms: Map<string, string> } | undefined;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function flatten(tree: object, prefix: string): Array<[string, string]> {
  return Object.entries(tree).flatMap(
    ([name, value]): Array<[string, string]> =>
      typeof value === "string" ? [[`${prefix}.${name}`, value]] : flatten(value as object, `${prefix}.${name}`),
  );
}

/** One regular expression per English message: its text literally, each argument captured. */
export function compileCheckPattern(key: string, message: string): Pattern {
  let source = "";
  let literalLength = 0;
  const names: string[] = [];
  const numbers: string[] = [];
  for (const element of parse(message)) {
    if (element.type === TYPE.literal) {
      source += escapeRegex(element.value);
      literalLength += element.value.length;
    } else if (element.type === TYPE.argument || element.type === TYPE.number) {
      // A number argument ({count, number}) matches digits only, so a count cannot swallow the text before it.
      const capture = element.type === TYPE.number ? "\\d+" : ".+?";
      source += names.includes(element.value) ? `\\k<${element.value}>` : `(?<${element.value}>${capture})`;
      if (!names.includes(element.value)) names.push(element.value);
      if (element.type === TYPE.number && !numbers.includes(element.value)) numbers.push(element.value);
    } else {
      throw new Error(`${key}: a check message holds only text, {arguments} and {numbers, number}`);
    }
  }
  return { key, regex: new RegExp(`^${source}$`, "s"), names, numbers, literalLength };
}

function patternsAndTerms() {
  if (compiled) return compiled;
  const messages = flatten(catalogues.en[NAMESPACE], NAMESPACE);
  const termPrefix = `${NAMESPACE}.term.`;
  const terms = new Map(messages.filter(([key]) => key.startsWith(termPrefix)).map(([key, text]) => [text, key]));
  // The most literal text first: "Invalid input: expected {value}" before "Invalid {what}"-like ones.
  const patterns = messages
    .filter(([key]) => !key.startsWith(termPrefix))
    .map(([key, message]) => compileCheckPattern(key, message))
    .sort((a, b) => b.literalLength - a.literalLength);
  compiled = { patterns, terms };
  return compiled;
}

/** The message in the reader's language, or undefined when it is not one of `staffChecks`. */
export function localiseCheckMessage(message: string, locale: Locale): string | undefined {
  const { patterns, terms } = patternsAndTerms();
  for (const pattern of patterns) {
    const found = pattern.regex.exec(message);
    if (!found) continue;
    const values = Object.fromEntries(
      pattern.names.map((name) => {
        const value = found.groups?.[name] ?? "";
        if (pattern.numbers.includes(name)) return [name, Number(value)];
        const term = name.endsWith("Term") ? terms.get(value) : undefined;
        if (term) return [name, translateKey(locale, term) ?? value];
        if (name.endsWith("Checks"))
          return [
            name,
            value
              .split(", ")
              .map((item) => localiseCheckMessage(item, locale) ?? item)
              .join(", "),
          ];
        return [name, (name.endsWith("Check") && localiseCheckMessage(value, locale)) || value];
      }),
    );
    return translateKey(locale, pattern.key, values);
  }
  return undefined;
}
