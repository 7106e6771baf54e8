// The request page's and the dashboard's forms refuse bad input with messages a French member reads
// in French (runStaffAction localises each field issue).
import { describe, expect, it } from "vitest";
import { localiseActionError } from "@/lib/i18n/localise-action-error.ts";
import { bulkFormSchema, bulkIntentSchema } from "../actions.schema.ts";
import {
  agentPermissionCheckFormSchema,
  completeCorrectionsFormSchema,
  completeTaskFormSchema,
  confirmAccountIdFormSchema,
} from "./actions.schema.ts";

function frenchIssues(
  schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  input: unknown,
) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  const issues = (parsed.error?.issues ?? []).map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  const refusal = localiseActionError({ ok: false, error: { code: "VALIDATION_FAILED", message: "Invalid input", issues } }, "fr");
  return (refusal.ok ? [] : (refusal.error.issues ?? [])).map((issue) => issue.message);
}

describe("the staff forms' refusals in French", () => {
  it("names a bad reference, task, choice or number in French", () => {
    expect(frenchIssues(confirmAccountIdFormSchema, { reference: "nope", confirmed: "maybe" })).toEqual([
      "La référence de la demande est absente ou mal formée (par exemple DSR-7K3M-Q9PX).",
      "Indiquez si le numéro de compte est confirmé.",
    ]);
    expect(frenchIssues(agentPermissionCheckFormSchema, { reference: "DSR-AAAA-BBBB", outcome: "perhaps" })).toEqual([
      "Indiquez si le mandat est valable ou non.",
    ]);
    expect(frenchIssues(completeTaskFormSchema, { reference: "DSR-AAAA-BBBB", taskId: "x", note: "n", erased: "1.5" })).toEqual([
      "L’identifiant de la tâche est absent ou mal formé.",
      "Le nombre de lignes effacées doit être un nombre entier.",
    ]);
    expect(frenchIssues(completeCorrectionsFormSchema, { reference: "DSR-AAAA-BBBB", corrected: "0.5", note: "n" })).toEqual([
      "La position d’une rectification est un nombre entier.",
    ]);
  });

  it("says what a bulk action lacks in French", () => {
    expect(frenchIssues(bulkIntentSchema, "explode")).toEqual(["Choisissez que faire des demandes sélectionnées."]);
    expect(frenchIssues(bulkFormSchema, { intent: "approve" })).toEqual(["Sélectionnez au moins une demande."]);
    const [reason] = frenchIssues(bulkFormSchema, { intent: "deny", reference: "DSR-AAAA-BBBB", reason: "because" });
    expect(reason).toMatch(/^Choisissez un motif\u00a0: IDENTITY_NOT_VERIFIED, /);
  });
});
