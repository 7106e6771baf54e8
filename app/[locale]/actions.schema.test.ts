// The correction rows of the form become the request's corrections: a chosen field by its name,
// "Something else" by the person's description, with the problem named in their language.
import { describe, expect, it } from "vitest";
import { localiseIssues } from "@/lib/i18n/validation-messages.ts";
import { requestFormSchema } from "@/lib/requests/request-input.schema.ts";
import { emptyRequestForm, OTHER_CORRECTION, permissionFileIssue, readRequestForm, toRequestInput } from "./actions.schema.ts";

const values = (corrections: Array<{ field: string; description?: string; correctValue: string }>) => ({
  ...emptyRequestForm,
  types: ["rectification"],
  country: "FR",
  email: "ana@example.com",
  corrections: corrections.map((row) => ({ description: "", currentValue: "", ...row })),
});

describe("the correction rows", () => {
  it("send a chosen field by its name and something else by its description", () => {
    const parsed = requestFormSchema.parse(
      toRequestInput(
        values([
          { field: "lastName", correctValue: "Roy" },
          { field: OTHER_CORRECTION, description: "The name on my invoices", correctValue: "Jean Roy" },
        ]),
        "fr",
      ),
    );
    expect(parsed.corrections?.map((c) => c.field)).toEqual(["lastName", "The name on my invoices"]);
  });

  it("take the description alone where the company declares no field to choose from", () => {
    const parsed = requestFormSchema.parse(
      toRequestInput(values([{ field: "", description: "Postal address", correctValue: "12 rue Saint-Paul" }]), "en"),
    );
    expect(parsed.corrections?.map((c) => c.field)).toEqual(["Postal address"]);
  });

  it("name a row with nothing chosen, or something else left undescribed, in French", () => {
    const parsed = requestFormSchema.safeParse(
      toRequestInput(
        values([
          { field: "", correctValue: "Roy" },
          { field: OTHER_CORRECTION, description: " ", correctValue: "Jean Roy" },
        ]),
        "fr",
      ),
    );
    expect(parsed.success).toBe(false);
    const issues = localiseIssues(parsed.error?.issues ?? [], "fr");
    expect(issues.map((issue) => issue.path)).toEqual(["corrections.0.field", "corrections.1.field"]);
    expect(issues[0].message).toMatch(/^Choisissez l’information inexacte/);
  });
});

describe("filing for someone else", () => {
  const pdfHead = new TextEncoder().encode("%PDF-1.7\n");

  it("sends the agent's details only when 'I am filing for someone else' is ticked", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      email: "ana@example.com",
      country: "FR",
      agentName: "Ada",
      agentEmail: "ada@example.org",
    })) {
      form.set(key, value);
    }
    form.append("types", "access");
    expect(toRequestInput(readRequestForm(form), "fr").agent).toBeUndefined();
    form.set("onBehalf", "yes");
    expect(requestFormSchema.parse(toRequestInput(readRequestForm(form), "fr")).agent).toEqual({
      name: "Ada",
      email: "ada@example.org",
      organisation: undefined,
    });
  });

  it("names what is wrong with the permission file: missing, too large, or not a PDF, PNG or JPEG", () => {
    expect(permissionFileIssue(null, null)).toBe("validation.agentPermission");
    expect(permissionFileIssue({ size: 0 }, new Uint8Array())).toBe("validation.agentPermission");
    expect(permissionFileIssue({ size: 10 * 1024 * 1024 + 1 }, pdfHead)).toBe("validation.agentPermissionSize");
    expect(permissionFileIssue({ size: 20 }, new TextEncoder().encode("<svg onload=alert(1)>"))).toBe("validation.agentPermissionType");
    expect(permissionFileIssue({ size: 20 }, pdfHead)).toBeNull();
  });
});
