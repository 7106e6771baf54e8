// Inputs of the connectors page's actions (actions.ts). The form's fields become a connectors-file
// entry here; the service then checks it exactly as it checks a file, naming each field.
import { parse } from "yaml";
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text.ts";

/** A field given once arrives as a string, several times as an array (checkboxes). */
const list = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string()),
);

/** An empty number field means "the default"; anything else is passed on for the file schema to judge. */
const optionalNumber = z.preprocess((value) => {
  if (value === undefined || value === null || String(value).trim() === "") return undefined;
  const text = String(value).trim();
  return /^-?\d+$/.test(text) ? Number(text) : text;
}, z.unknown());

/** YAML (or JSON, which is YAML too): the connectors file's language. Empty means none. */
const yamlText = safeText({ multiline: true })
  .max(100_000, "at most 100,000 characters")
  .default("")
  .transform((text, ctx) => {
    if (text.trim() === "") return undefined;
    try {
      return parse(text, { uniqueKeys: true }) as unknown;
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}` });
      return z.NEVER;
    }
  });

/**
 * The data map's YAML: empty removes it (null); a form that does not send the field at all (an older
 * page) keeps the stored one (undefined), so nothing is wiped by leaving it out.
 */
const dataMapText = z.union([z.undefined(), yamlText.transform((value) => value ?? null)]);

const SECRET_PREFIX = "secret.";

export const connectorFormSchema = z
  .preprocess(
    (input) => {
      // Secret inputs are named "secret.<config path>"; gather them into one object.
      if (typeof input !== "object" || input === null) return input;
      const secrets: Record<string, unknown> = {};
      const rest: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(input)) {
        if (name.startsWith(SECRET_PREFIX)) secrets[name.slice(SECRET_PREFIX.length)] = value;
        else rest[name] = value;
      }
      return { ...rest, secrets };
    },
    z.object({
      mode: z.enum(["create", "edit"]),
      key: safeText().trim().max(100),
      name: safeText().max(300).default(""),
      type: z.string().max(50).optional(),
      actions: list,
      enabled: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()),
      maxAttempts: optionalNumber,
      concurrency: optionalNumber,
      rateLimitPerSecond: optionalNumber,
      config: yamlText,
      fieldDescriptions: yamlText,
      dataMap: dataMapText,
      secrets: z.record(z.string(), z.string().max(5000)),
      clearSecret: list,
    }),
  )
  .transform(({ mode, secrets, clearSecret, config, fieldDescriptions, dataMap, ...fields }) => ({
    mode,
    secrets,
    clearSecrets: clearSecret,
    entry: {
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      key: fields.key,
      config: config ?? {},
      ...(fieldDescriptions === undefined ? {} : { fieldDescriptions }),
      ...(dataMap === undefined ? {} : { dataMap }),
    },
  }));

export const connectorKeySchema = z.object({ key: safeText().trim().min(1).max(100) });

export const connectorEnabledSchema = z.object({
  key: safeText().trim().min(1).max(100),
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});
