// What the record of processing is asked for, from a URL's query (the API and the page share it):
// the format, the language, a version (else the current map) and a date to list the changes since.
// Unknown parameters are refused so a typo is not silently ignored.
import { z } from "zod";
import { dataMapLocales } from "./data-map.schema.ts";

export const processingRecordQuerySchema = z.strictObject({
  format: z.enum(["json", "csv"], { message: "Must be json or csv." }).default("json"),
  lang: z.enum(dataMapLocales, { message: "Must be en or fr." }).default("en").meta({ description: "The language of the words." }),
  version: z.coerce
    .number("Must be a whole number.")
    .int("Must be a whole number.")
    .min(1, "Versions are numbered from 1.")
    .max(2_147_483_647)
    .optional()
    .meta({ description: "A version of the data map; without it, the map as it is now." }),
  since: z.iso.date("Use a date as YYYY-MM-DD.").optional().meta({
    description: "List what changed between the version current at the start of this day (controller's time zone) and the record shown.",
  }),
});

export type ProcessingRecordQuery = z.output<typeof processingRecordQuerySchema>;
