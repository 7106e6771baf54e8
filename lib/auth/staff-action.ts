// Runs a staff server action: permission first, then the input through its zod schema, then the
// service. Every outcome is a plain result the page can show; only AppError messages reach it.
import { randomUUID } from "node:crypto";
import { ZodError, type z } from "zod";
import { AppError, type FieldIssue, type MessageRef } from "../errors.ts";
import { localiseActionError } from "../i18n/localise-action-error.ts";
import { staffLocale } from "../i18n/staff-locale.ts";
import { loggableError, logger } from "../logger.ts";
import type { Permission } from "./permissions.ts";
import { requireStaffActor } from "./require-staff.ts";
import type { StaffPrincipal } from "./staff-principal.ts";

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: { code: string; message: string; issues?: FieldIssue[]; text?: MessageRef } };

export async function runStaffAction<Schema extends z.ZodType, T>(
  permission: Permission,
  schema: Schema,
  input: unknown,
  handler: (data: z.output<Schema>, principal: Extract<StaffPrincipal, { kind: "user" }>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const principal = await requireStaffActor(permission);
    const data = schema.parse(input instanceof FormData ? formDataToObject(input) : input);
    return { ok: true, data: await handler(data, principal) };
  } catch (error) {
    return localiseActionError(actionError(error), await staffLocale());
  }
}

export function actionError(error: unknown): Extract<ActionResult, { ok: false }> {
  if (error instanceof AppError) {
    return {
      ok: false,
      error: {
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
        ...(error.text ? { text: error.text } : {}),
      },
    };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return {
      ok: false,
      error: { code: "VALIDATION_FAILED", message: issues.map((i) => `${i.path || "input"}: ${i.message}`).join("; "), issues },
    };
  }
  // Next.js signals redirect() and notFound() by throwing: let them through.
  if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) throw error;
  const reference = randomUUID();
  logger.error({ err: loggableError(error), reference }, "unhandled error in staff action");
  return {
    ok: false,
    error: {
      code: "INTERNAL",
      message: `Something went wrong on our side. Reference: ${reference}`,
      text: { key: "staffErrors.internal", values: { reference } },
    },
  };
}

/** Form fields as an object; a field given several times (checkboxes) becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}
