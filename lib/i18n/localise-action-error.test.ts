import { describe, expect, it } from "vitest";
import { localiseActionError } from "./localise-action-error.ts";

describe("localiseActionError", () => {
  it("writes a refusal with a catalogue key in the reader's language, with its arguments", () => {
    const refusal = {
      ok: false as const,
      error: { code: "INTERNAL", message: "Something went wrong", text: { key: "staffErrors.internal", values: { reference: "R-1" } } },
    };
    expect(localiseActionError(refusal, "fr").error.message).toBe("Une erreur s’est produite de notre côté. Référence : R-1");
    expect(localiseActionError(refusal, "en").error.message).toBe("Something went wrong on our side. Reference: R-1");
  });

  it("keeps the English text when the key is unknown or absent, and translates issues named by a key", () => {
    const refusal = {
      ok: false as const,
      error: {
        code: "VALIDATION_FAILED",
        message: "Bad",
        text: { key: "staffErrors.noSuchKey" },
        issues: [
          { path: "a", message: "staffErrors.required" },
          { path: "b", message: "plain words" },
        ],
      },
    };
    const out = localiseActionError(refusal, "fr");
    expect(out.error.message).toBe("Bad");
    expect(out.error.issues?.map((issue) => issue.message)).toEqual(["Remplissez ce champ.", "plain words"]);
  });

  it("writes the English check messages of the schemas in the reader's language, and leaves them English for an English reader", () => {
    const refusal = {
      ok: false as const,
      error: {
        code: "VALIDATION_FAILED",
        message: "Nothing was saved.",
        issues: [{ path: "config.tables[1]", message: 'Table "orders" is listed twice' }],
      },
    };
    expect(localiseActionError(refusal, "fr").error.issues?.[0]).toEqual({
      path: "config.tables[1]",
      message: "La table «\u00a0orders\u00a0» est citée deux fois",
    });
    expect(localiseActionError(refusal, "en").error.issues?.[0].message).toBe('Table "orders" is listed twice');
  });

  it("translates a field issue by its own MessageRef, with its arguments", () => {
    const refusal = {
      ok: false as const,
      error: {
        code: "VALIDATION_FAILED",
        message: "The password must be at least 12 characters long.",
        issues: [
          {
            path: "password",
            message: "The password must be at least 12 characters long.",
            text: { key: "staffAuth.password.tooShort", values: { min: 12 } },
          },
        ],
      },
    };
    expect(localiseActionError(refusal, "fr").error.issues?.[0]?.message).toBe("Le mot de passe doit comporter au moins 12 caractères.");
  });
});
