// What the public forms send and what their server actions answer. Shared by the browser (which
// validates first) and actions.ts (which validates again): the rules themselves live in lib/.
import { z } from "zod";
import { MAX_PERMISSION_BYTES, sniffPermissionType } from "@/lib/agents/sniff-permission-type.ts";
import { countryNeedsRegion } from "@/lib/geo/regions.ts";
import { type Locale, locales } from "@/lib/requests/request-input.schema.ts";

export const localeSchema = z.enum(locales);

/** A request reference as printed in emails, e.g. DSR-7K3M-Q9PX. */
export const referenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

/** `?ref=DSR-AAAA-BBBB,DSR-CCCC-DDDD` on the "check your email" page. */
export const referenceListSchema = z
  .string()
  .transform((value) => value.split(",").filter(Boolean))
  .pipe(z.array(referenceSchema).min(1).max(4));

/** Link tokens are 32 random bytes in base64url; anything else cannot be one of ours. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,128}$/);

export type FormIssue = { path: string; message: string };

/**
 * One row of the correction form: `field` is a correctable field's name, or OTHER_CORRECTION with
 * `description` saying what is wrong in the person's words (what the API takes as `field`).
 */
export type CorrectionValues = { field: string; description: string; correctValue: string; currentValue: string };

/** Cannot be a correctable field's name (those start with a letter). */
export const OTHER_CORRECTION = "-other";

/** The request form exactly as typed: strings only, so it can be echoed back into the fields. */
export type RequestFormValues = {
  types: string[];
  country: string;
  region: string;
  email: string;
  fullName: string;
  accountId: string;
  details: string;
  corrections: CorrectionValues[];
  /** "I am filing for someone else": the agent's own details (the signed permission is a file, never echoed back). */
  onBehalf: boolean;
  agentName: string;
  agentEmail: string;
  agentOrganisation: string;
};

export const emptyCorrection: CorrectionValues = { field: "", description: "", correctValue: "", currentValue: "" };

export const emptyRequestForm: RequestFormValues = {
  types: [],
  country: "",
  region: "",
  email: "",
  fullName: "",
  accountId: "",
  details: "",
  corrections: [emptyCorrection],
  onBehalf: false,
  agentName: "",
  agentEmail: "",
  agentOrganisation: "",
};

export type RequestFormState = {
  /** What was sent, so the form shows it again after a round trip without JavaScript. */
  values: RequestFormValues | null;
  issues: FormIssue[];
  /** A problem with the whole submission (rate limit, our side). */
  formError: string | null;
};

export const initialRequestFormState: RequestFormState = { values: null, issues: [], formError: null };

const correctionKey = /^corrections\.(\d{1,2})\.(field|description|correctValue|currentValue)$/;

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

export function readRequestForm(formData: FormData): RequestFormValues {
  const rows = new Map<number, CorrectionValues>();
  for (const [key, value] of formData.entries()) {
    const match = correctionKey.exec(key);
    if (!match || typeof value !== "string") continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? { ...emptyCorrection };
    row[match[2] as keyof CorrectionValues] = value;
    rows.set(index, row);
  }
  const corrections = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return {
    types: formData.getAll("types").filter((value): value is string => typeof value === "string"),
    country: text(formData, "country"),
    region: text(formData, "region"),
    email: text(formData, "email"),
    fullName: text(formData, "fullName"),
    accountId: text(formData, "accountId"),
    details: text(formData, "details"),
    corrections: corrections.length > 0 ? corrections : [{ ...emptyCorrection }],
    onBehalf: text(formData, "onBehalf") === "yes",
    agentName: text(formData, "agentName"),
    agentEmail: text(formData, "agentEmail"),
    agentOrganisation: text(formData, "agentOrganisation"),
  };
}

/**
 * The input for requestFormSchema. A region left over from an earlier country and correction rows
 * left over from an unticked rectification are dropped rather than reported.
 */
export function toRequestInput(values: RequestFormValues, locale: Locale) {
  const rectification = values.types.includes("rectification");
  return {
    types: values.types,
    email: values.email,
    fullName: values.fullName,
    country: values.country,
    region: countryNeedsRegion(values.country.trim().toUpperCase()) ? values.region : undefined,
    locale,
    accountId: values.accountId,
    details: values.details,
    corrections: rectification ? values.corrections.map(toCorrection) : undefined,
    agent: values.onBehalf ? { name: values.agentName, email: values.agentEmail, organisation: values.agentOrganisation } : undefined,
  };
}

/**
 * The signed permission as chosen in the form, checked by size and by its first bytes (the browser
 * before sending, the server action again): the message key of what is wrong, or null.
 */
export function permissionFileIssue(file: { size: number } | null, head: Uint8Array | null): string | null {
  if (!file || file.size === 0) return "validation.agentPermission";
  if (file.size > MAX_PERMISSION_BYTES) return "validation.agentPermissionSize";
  return head && sniffPermissionType(head) ? null : "validation.agentPermissionType";
}

/**
 * A row as the request takes it: the field's name, or the person's description of what is wrong
 * (chosen as "Something else", or typed where there is nothing to choose from).
 */
function toCorrection(row: CorrectionValues) {
  const described = row.field === OTHER_CORRECTION || (row.field === "" && row.description.trim() !== "");
  return {
    field: described ? row.description : row.field,
    correctValue: row.correctValue,
    currentValue: row.currentValue,
  };
}

export const MAX_CORRECTIONS = 20;

/**
 * "Add another correction" and "Remove correction N" are submit buttons named `intent`, so they
 * work without JavaScript: the action answers with the rows changed and nothing submitted.
 */
export function applyCorrectionIntent(values: RequestFormValues, intent: string): RequestFormValues | null {
  if (intent === "add-correction") {
    if (values.corrections.length >= MAX_CORRECTIONS) return values;
    return { ...values, corrections: [...values.corrections, { ...emptyCorrection }] };
  }
  const remove = /^remove-correction:(\d{1,2})$/.exec(intent);
  if (remove) {
    const kept = values.corrections.filter((_, index) => index !== Number(remove[1]));
    return { ...values, corrections: kept.length > 0 ? kept : [{ ...emptyCorrection }] };
  }
  return null;
}

/** The code form on the "check your email" page. */
export type VerifyCodeState =
  | { kind: "idle" }
  /** Only when no status link can be given (the address was confirmed before); otherwise the action opens the status page. */
  | { kind: "verified"; references: string[]; alreadyVerified: boolean }
  | {
      kind: "error";
      /** CODES_USED_UP: no code works for this request any more (only the latest link does). */
      code: "INVALID_INPUT" | "INVALID_CODE" | "TOO_MANY_ATTEMPTS" | "CODES_USED_UP" | "EXPIRED" | "OTHER";
      message: string;
    };

/** closed: no new code can be sent (CODES_USED_UP: no code works either), so the button goes. */
export type ResendState =
  | { kind: "idle" }
  | { kind: "sent" }
  | { kind: "error"; message: string; closed?: "RESEND_LIMIT" | "CODES_USED_UP" };

/** The one button of the confirmation link page. */
export type ConfirmEmailState =
  | { kind: "idle" }
  | { kind: "expired" }
  | { kind: "replaced" }
  | { kind: "invalid" }
  | { kind: "error"; message: string };

/** `?withdrawn=REF` or `?withdrawError=CODE&ref=REF` after withdrawing, `?confirm=REF` before. */
export const statusPageQuerySchema = z.object({
  /** Just confirmed (the code or the emailed link): the page opens with that news. */
  confirmed: z.literal("1").optional().catch(undefined),
  confirm: referenceSchema.optional().catch(undefined),
  withdrawn: referenceSchema.optional().catch(undefined),
  withdrawError: z.enum(["NOT_FOUND", "INVALID_STATE", "CONFLICT", "OTHER"]).optional().catch(undefined),
  answered: referenceSchema.optional().catch(undefined),
  answerError: z.enum(["EMPTY", "TEXT", "NOT_FOUND", "INVALID_STATE", "LIMITED", "OTHER"]).optional().catch(undefined),
});
