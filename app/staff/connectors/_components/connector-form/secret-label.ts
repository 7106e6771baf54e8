// What the form calls a secret field, in the reader's language: the catalogue's label for the
// known ones, otherwise the words of its config path (lib/connectors/secret-field-label.ts).
import type { useTranslations } from "next-intl";
import { secretFieldLabel } from "@/lib/connectors/secret-field-label.ts";

type FormTranslator = ReturnType<typeof useTranslations<"staffConnectors.form">>;

export function secretLabel(t: FormTranslator, name: string): string {
  const key = `secretLabel.${name}` as Parameters<FormTranslator>[0];
  return t.has(key) ? t(key) : secretFieldLabel(name);
}
