// Input of "Propose a mapping" (actions.ts). The address is a secret: it is used to connect once and
// is neither stored nor logged nor sent back. Messages are catalogue keys (the page shows them in the
// member's language).
import { z } from "zod";
import { MAX_SAMPLE_SIZE } from "@/lib/discovery/discover-mapping.ts";
import { safeText } from "@/lib/http/safe-text.ts";

const optionalName = safeText()
  .trim()
  .max(63, "staffConnectors.errors.atMost63")
  .optional()
  .transform((value) => (value === "" ? undefined : value));

export const proposeMappingSchema = z.object({
  source: z.enum(["postgres", "mysql"], { error: "staffConnectors.errors.chooseSource" }),
  url: safeText().trim().min(1, "staffConnectors.errors.giveAddress").max(2000, "staffConnectors.errors.atMost2000"),
  schema: optionalName,
  identityTable: optionalName,
  sampleSize: z.preprocess(
    (value) => (value === undefined || String(value).trim() === "" ? undefined : Number(value)),
    z
      .number()
      .int("staffConnectors.errors.wholeNumber")
      .min(1, "staffConnectors.errors.atLeast1")
      .max(MAX_SAMPLE_SIZE, "staffConnectors.errors.atMostSample")
      .optional(),
  ),
});
