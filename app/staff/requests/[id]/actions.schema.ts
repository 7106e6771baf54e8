// Inputs of the request page's actions (actions.ts), as the forms send them. The services parse
// their own input again; these only shape form fields (empty boxes, numbers, the uploaded file).
import { z } from "zod";
import { informationKinds } from "@/lib/requests/ask-for-information.ts";

const reference = z.string().trim().min(1, "The request reference is missing.").max(40);
const taskId = z.uuid("The task id is missing or malformed.");
/** Services give the exact limits and messages; here any text passes through. */
const text = z.string().max(20_000);

export const referenceOnlySchema = z.object({ reference });

export const denyFormSchema = z.object({ reference, reason: z.string(), message: text.optional() });

export const askFormSchema = z.object({ reference, message: text, kind: z.enum(informationKinds).default("clarification") });

export const extendFormSchema = z.object({ reference, reason: text });

/** An empty choice unassigns. */
export const assignFormSchema = z.object({ reference, assigneeEmail: z.string().trim().max(320) });

export const noteFormSchema = z.object({ reference, body: text });

/** The button sends confirmed=true to confirm, confirmed=false to take a confirmation back. */
export const confirmAccountIdFormSchema = z.object({
  reference,
  confirmed: z.enum(["true", "false"], { message: "Say whether the account number is confirmed." }).transform((value) => value === "true"),
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
