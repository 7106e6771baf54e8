// Inputs of the request page's actions (actions.ts), as the forms send them. The services parse
// their own input again; these only shape form fields (empty boxes, numbers, the uploaded file).
import { z } from "zod";
import { safeText } from "@/lib/http/safe-text.ts";
import { informationKinds } from "@/lib/requests/ask-for-information.ts";

const reference = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, "The request reference is missing or malformed (like DSR-7K3M-Q9PX).");
const taskId = z.uuid("The task id is missing or malformed.");
/** Services give the exact limits and messages; here only characters no text may hold are refused. */
const text = safeText({ multiline: true }).max(20_000);

export const referenceOnlySchema = z.object({ reference });

/** A refusal is sent only when the form says `step=send`; anything else shows the email first. */
export const denyFormSchema = z.object({
  reference,
  reason: z.string(),
  message: text.optional(),
  step: z.enum(["preview", "send"]).catch("preview"),
});

export const askFormSchema = z.object({ reference, message: text, kind: z.enum(informationKinds).default("clarification") });

export const extendFormSchema = z.object({ reference, reason: text });

/** An empty choice unassigns. */
export const assignFormSchema = z.object({ reference, assigneeEmail: safeText().trim().max(320) });

export const noteFormSchema = z.object({ reference, body: text });

/** The button sends confirmed=true to confirm, confirmed=false to take a confirmation back. */
export const confirmAccountIdFormSchema = z.object({
  reference,
  confirmed: z.enum(["true", "false"], { message: "Say whether the account number is confirmed." }).transform((value) => value === "true"),
});

/** The check of an authorized agent's permission: VALID ("checked") or NOT_VALID. */
export const agentPermissionCheckFormSchema = z.object({
  reference,
  outcome: z.enum(["VALID", "NOT_VALID"], { message: "Say whether the permission is valid or not." }),
});

export const closeFormSchema = z.object({ reference, outcome: z.string(), message: text.optional() });

export const retryFormSchema = z.object({ reference, taskId });

export const completeTaskFormSchema = z.object({
  reference,
  taskId,
  note: text,
  erased: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(z.number({ message: "Rows erased must be a whole number." }).int("Rows erased must be a whole number.").min(0).optional()),
  /** A file input left empty still sends an empty, nameless file. */
  file: z
    .instanceof(File)
    .optional()
    .transform((file) => (file && file.size > 0 ? file : undefined)),
});

/** Ticked boxes send `corrected` once each (none, one or several). */
export const completeCorrectionsFormSchema = z.object({
  reference,
  corrected: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]).map(Number))
    .pipe(z.array(z.number().int("A correction's position is a whole number.").min(0))),
  note: text,
  message: text.optional(),
});

export const messagePersonFormSchema = z.object({ reference, message: text });
