// The shape of a connectors file (`npm run admin -- apply-connectors FILE`): the connectors as
// code, applied by key. Each `config` is then checked by its type's own schema.

import { z } from "zod";
import { rectifyMapsOf } from "../corrections/rectify-maps-of.ts";
import {
  type CorrectableFields,
  correctableFieldsSchema,
  dataMapSchema,
  localText,
  organisationSchema,
} from "../data-map/data-map.schema.ts";
import { PREFERENCE_KINDS } from "./connector.ts";

export const connectorActions = ["access", "portability", "erasure", "rectification", ...PREFERENCE_KINDS] as const;

export const connectorEntrySchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "key: 2 to 63 lower-case letters, digits or dashes, e.g. shop-db"),
    name: z.string().trim().min(1, "name: give the system a name people recognise").max(200),
    /**
     * The system's name as the person reads it (package, emails, status page), per language:
     * { en: "Online shop", fr: "Boutique en ligne" }. Left out, they read `name`.
     */
    publicName: localText("publicName", 200).optional(),
    type: z.string().min(1),
    actions: z
      .array(z.enum(connectorActions, { message: `actions: each one of ${connectorActions.join(", ")}` }))
      .min(1, "actions: list at least one"),
    enabled: z.boolean().default(true),
    maxAttempts: z.number().int().min(1).max(20).default(5),
    concurrency: z.number().int().min(1).max(50).default(2),
    rateLimitPerSecond: z.number().int().min(1).max(1000).optional(),
    /** category → field → meaning (one text, or one per language), shown in the person's package. */
    fieldDescriptions: z
      .record(
        z.string(),
        z.record(
          z.string(),
          z.union([
            z.string().min(1).max(500),
            z
              .object({ en: z.string().max(500), fr: z.string().max(500) })
              .partial()
              .strict(),
          ]),
        ),
      )
      .optional(),
    /**
     * category → its purposes, legal basis, retention, recipients, origin (lib/data-map/data-map.schema.ts):
     * the answer to an access request and the record of processing are built from it.
     */
    dataMap: dataMapSchema.optional(),
    config: z.unknown(),
  })
  .strict();

export const connectorsFileSchema = z
  .object({
    /** Who answers for the processing: the record of processing and the access answer name them. */
    organisation: organisationSchema.optional(),
    /** The fields the correction form offers, and their labels per language. */
    correctableFields: correctableFieldsSchema.optional(),
    connectors: z.array(connectorEntrySchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.connectors.forEach((entry, index) => {
      const first = seen.get(entry.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["connectors", index, "key"],
          message: `key "${entry.key}" is used twice (also connectors[${first}])`,
        });
      }
      seen.set(entry.key, index);
    });
    if (file.correctableFields) checkRectifyMaps(file.correctableFields, file.connectors, ctx);
  });

/** When the file declares its correctable fields, a source may only map those (a typo would never be offered nor applied). */
function checkRectifyMaps(declared: CorrectableFields, connectors: Array<{ config: unknown }>, ctx: z.RefinementCtx) {
  const names = Object.keys(declared);
  connectors.forEach((entry, index) => {
    for (const map of rectifyMapsOf(entry.config)) {
      for (const field of map.fields.filter((name) => !Object.hasOwn(declared, name))) {
        ctx.addIssue({
          code: "custom",
          path: ["connectors", index, "config", ...map.path, field],
          message: `rectify: "${field}" is not a correctable field of this file; declared: ${names.length ? names.join(", ") : "none"} (add it under correctableFields, or use one of those)`,
        });
      }
    }
  });
}

/** Declared correctable fields that no enabled source with the rectification action maps: the form will not offer them. */
export function correctableFieldsNobodyMaps(file: Pick<ConnectorsFile, "correctableFields" | "connectors">): string[] {
  const mapped = new Set(
    file.connectors
      .filter((entry) => entry.enabled && entry.actions.includes("rectification"))
      .flatMap((entry) => rectifyMapsOf(entry.config).flatMap((map) => map.fields)),
  );
  return Object.keys(file.correctableFields ?? {}).filter((name) => !mapped.has(name));
}

export type ConnectorEntry = z.infer<typeof connectorEntrySchema>;

export type ConnectorsFile = z.infer<typeof connectorsFileSchema>;
/** What a connectors file says beside its connectors: the controller and the correctable fields. */
export type ConnectorsFileShared = Pick<ConnectorsFile, "organisation" | "correctableFields">;
