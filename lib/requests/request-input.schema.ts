// The shape of a request, shared by the browser form, the server action and the public API.
// Messages are catalogue keys (messages/<locale>/validation.json) so each side shows them in its language.
import { z } from "zod";
import { REQUEST_TYPES } from "../deadlines/types.ts";
import { countryNeedsRegion, isCountryCode, isRegionOf } from "../geo/regions.ts";
import { safeText } from "../http/safe-text.ts";

export const requestTypes = REQUEST_TYPES;
export type RequestTypeName = (typeof requestTypes)[number];

export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];

// Empty text means "not given"; the key stays optional in the inferred type.
const optionalText = (max: number, key: string, multiline = false) =>
  safeText({ typeMessage: key, message: "validation.text", multiline })
    .trim()
    .max(max, { message: key })
    .transform((value) => value || undefined)
    .optional();

export const correctionSchema = z.object({
  field: safeText({ typeMessage: "validation.correctionField", message: "validation.text" })
    .trim()
    .min(1, { message: "validation.correctionField" })
    .max(100, { message: "validation.correctionField" })
    .describe(
      "A correctable field's name as the company's data map declares it (e.g. postalAddress), which the sources mapping it correct; or, for anything else, what is wrong in the person's own words, which staff correct by hand.",
    ),
  correctValue: safeText({ typeMessage: "validation.correctionValue", message: "validation.text", multiline: true })
    .trim()
    .min(1, { message: "validation.correctionValue" })
    .max(1000, { message: "validation.correctionValue" }),
  currentValue: optionalText(1000, "validation.correctionCurrent", true),
});
export type Correction = z.infer<typeof correctionSchema>;

const personFields = {
  email: safeText({ typeMessage: "validation.email", message: "validation.email" })
    .trim()
    .max(254, { message: "validation.email" })
    .pipe(z.email({ message: "validation.email" })),
  fullName: optionalText(200, "validation.fullName"),
  country: safeText({ typeMessage: "validation.country", message: "validation.country" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: "validation.country" }),
  region: safeText({ typeMessage: "validation.region", message: "validation.region" })
    .trim()
    .toUpperCase()
    .transform((value) => value || undefined)
    .optional(),
  locale: z.enum(locales, { message: "validation.locale" }).optional(),
  accountId: optionalText(100, "validation.accountId"),
  details: optionalText(5000, "validation.details", true),
  corrections: z
    .array(correctionSchema, { message: "validation.corrections" })
    .max(20, { message: "validation.correctionsTooMany" })
    .optional(),
};

/** Someone filing on the person's behalf (an authorized agent): who they are. The signed permission is a file, checked apart. */
export const agentSchema = z.object({
  name: safeText({ typeMessage: "validation.agentName", message: "validation.text" })
    .trim()
    .min(1, { message: "validation.agentName" })
    .max(200, { message: "validation.agentName" }),
  email: safeText({ typeMessage: "validation.agentEmail", message: "validation.agentEmail" })
    .trim()
    .max(254, { message: "validation.agentEmail" })
    .pipe(z.email({ message: "validation.agentEmail" })),
  organisation: optionalText(200, "validation.agentOrganisation"),
});
export type AgentInput = z.infer<typeof agentSchema>;

type PersonFields = {
  country: string;
  region?: string;
  corrections?: Correction[];
};

function checkRegionAndCorrections(value: PersonFields, rectification: boolean, ctx: z.RefinementCtx) {
  if (value.region && !isRegionOf(value.country, value.region)) {
    ctx.addIssue({ code: "custom", path: ["region"], message: "validation.region" });
  }
  if (!value.region && countryNeedsRegion(value.country)) {
    ctx.addIssue({ code: "custom", path: ["region"], message: "validation.regionRequired" });
  }
  if (rectification && !(value.corrections && value.corrections.length > 0)) {
    ctx.addIssue({ code: "custom", path: ["corrections"], message: "validation.correctionsRequired" });
  }
}

/** `POST /api/v1/requests`: one right per call, by the person. */
export const createRequestSchema = z
  .object({
    type: z.enum(requestTypes, { message: "validation.type" }),
    ...personFields,
    agent: z
      .never({ message: "validation.agentNotByApi" })
      .optional()
      .describe(
        "Not accepted: a request on someone else's behalf is filed on the web form, which takes the permission the person signed (CCPA regs §7063(a)). Sending it is a 400.",
      ),
  })
  .strict()
  .superRefine((value, ctx) => checkRegionAndCorrections(value, value.type === "rectification", ctx));
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

/** The web form: several rights at once make one request each. */
export const requestFormSchema = z
  .object({
    types: z.array(z.enum(requestTypes, { message: "validation.type" })).min(1, { message: "validation.types" }),
    ...personFields,
    /** Present when someone files for the person; the signed permission travels beside it as a file. */
    agent: agentSchema.optional(),
  })
  .superRefine((value, ctx) => checkRegionAndCorrections(value, value.types.includes("rectification"), ctx));
export type RequestFormInput = z.infer<typeof requestFormSchema>;

export const verifyCodeSchema = z.object({
  code: z
    .string({ message: "validation.code" })
    .trim()
    .regex(/^\d{6}$/, { message: "validation.code" }),
});
