import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { type Catalogue, catalogueLocales, catalogues } from "./catalogue.ts";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments a message uses, with their kind ("plural", "select", "date", "argument"...). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.add(`${element.value}:argument`);
    if (element.type === TYPE.number) into.add(`${element.value}:number`);
    if (element.type === TYPE.date || element.type === TYPE.time) into.add(`${element.value}:date`);
    if (element.type === TYPE.plural) into.add(`${element.value}:plural`);
    if (element.type === TYPE.select) into.add(`${element.value}:select`);
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function pluralsWithoutOther(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type !== TYPE.plural && element.type !== TYPE.select)
      return element.type === TYPE.tag ? pluralsWithoutOther(element.children) : [];
    const own = "other" in element.options ? [] : [element.value];
    return [...own, ...Object.values(element.options).flatMap((option) => pluralsWithoutOther(option.value))];
  });
}

const english = flatten(catalogues.en as unknown as Tree);

describe("the message catalogues", () => {
  for (const locale of catalogueLocales) {
    const messages = flatten(catalogues[locale] as unknown as Tree);
    it(`${locale}: has exactly the English keys`, () => {
      expect(
        [...english.keys()].filter((key) => !messages.has(key)),
        "missing",
      ).toEqual([]);
      expect(
        [...messages.keys()].filter((key) => !english.has(key)),
        "not in English",
      ).toEqual([]);
    });
    it(`${locale}: every message is valid ICU with the English arguments, and every plural has "other"`, () => {
      const problems: string[] = [];
      for (const [key, message] of messages) {
        let elements: MessageFormatElement[];
        try {
          elements = parse(message);
        } catch (error) {
          problems.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const reference = english.get(key);
        if (reference !== undefined) {
          const want = [...argumentsOf(parse(reference))].sort();
          const got = [...argumentsOf(elements)].sort();
          if (JSON.stringify(want) !== JSON.stringify(got))
            problems.push(`${key}: uses ${got.join(", ") || "nothing"}, English uses ${want.join(", ") || "nothing"}`);
        }
        for (const name of pluralsWithoutOther(elements)) problems.push(`${key}: {${name}} has no "other" case`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("finds a missing key, an extra one and a changed argument (the checks can fail)", () => {
    const en: Tree = { a: { one: "Hello {name}", two: "{count, plural, one {# file} other {# files}}" } };
    const fr: Tree = { a: { one: "Bonjour {nom}", three: "x" } };
    const frKeys = flatten(fr);
    expect([...flatten(en).keys()].filter((key) => !frKeys.has(key))).toEqual(["a.two"]);
    expect([...argumentsOf(parse("Bonjour {nom}"))]).not.toEqual([...argumentsOf(parse("Hello {name}"))]);
    expect(pluralsWithoutOther(parse("{n, plural, one {x}}", { requiresOtherClause: false }))).toEqual(["n"]);
  });

  it("keeps the type of the English catalogue as the reference", () => {
    const check: Catalogue = catalogues.fr;
    expect(check).toBeTruthy();
  });
});
