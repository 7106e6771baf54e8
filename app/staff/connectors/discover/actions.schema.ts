// Input of "Propose a mapping" (actions.ts). The address is a secret: it is used to connect once and
// is neither stored nor logged nor sent back.
import { z } from "zod";
import { MAX_SAMPLE_SIZE } from "@/lib/discovery/discover-mapping.ts";
import { safeText } from "@/lib/http/safe-text.ts";

const optionalName = safeText()
  .trim()
  .max(63, "at most 63 characters")
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const proposeMappingSchema = z.object({
  source: z.enum(["postgres", "mysql"], { error: "Choose PostgreSQL or MySQL/MariaDB" }),
  url: safeText().trim().min(1, "Give the database's address").max(2000, "at most 2,000 characters"),
  schema: optionalName,
  identityTable: optionalName,
  sampleSize: z.preprocess(
    (value) => (value === undefined || String(value).trim() === "" ? undefined : Number(value)),
    z.number().int("a whole number").min(1, "at least 1").max(MAX_SAMPLE_SIZE, `at most ${MAX_SAMPLE_SIZE}`).optional(),
  ),
});
