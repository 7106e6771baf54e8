// The staff forms refuse, naming the field, the characters no text field may hold (they reached
// PostgreSQL and answered 500): sign-in, the request page's forms, the connector forms.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { codeSchema, signInSchema } from "./auth-actions.schema.ts";
import { connectorEnabledSchema, connectorFormSchema, connectorKeySchema } from "./connectors/actions.schema.ts";
import { proposeMappingSchema } from "./connectors/discover/actions.schema.ts";
import {
  askFormSchema,
  assignFormSchema,
  closeFormSchema,
  denyFormSchema,
  extendFormSchema,
  noteFormSchema,
} from "./requests/[id]/actions.schema.ts";

const reference = "DSR-7K3M-Q9PX";
const cases: Array<[string, z.ZodType, Record<string, unknown>, string[]]> = [
  ["sign-in", signInSchema, { email: "agent@example.test", password: "a long passphrase" }, ["email"]],
  ["second factor", codeSchema, { code: "123456" }, ["code"]],
  ["deny", denyFormSchema, { reference, reason: "OTHER", message: "Long enough message." }, ["reference", "message"]],
  ["ask", askFormSchema, { reference, message: "Which customer number?" }, ["reference", "message"]],
  ["extend", extendFormSchema, { reference, reason: "Several archives." }, ["reference", "reason"]],
  ["assign", assignFormSchema, { reference, assigneeEmail: "agent@example.test" }, ["reference", "assigneeEmail"]],
  ["note", noteFormSchema, { reference, body: "A note\nfor colleagues." }, ["reference", "body"]],
  ["close", closeFormSchema, { reference, outcome: "FULFILLED", message: "Done." }, ["reference", "message"]],
  [
    "connector",
    connectorFormSchema,
    { mode: "create", key: "shop-db", name: "Shop", type: "manual", config: "instructions: x" },
    ["key", "name", "config"],
  ],
  ["connector key", connectorKeySchema, { key: "shop-db" }, ["key"]],
  ["connector switch", connectorEnabledSchema, { key: "shop-db", enabled: "true" }, ["key"]],
  [
    "propose a mapping",
    proposeMappingSchema,
    { source: "postgres", url: "postgresql://reader@db.internal/shop", schema: "public", identityTable: "customer" },
    ["url", "schema", "identityTable"],
  ],
];

describe.each(cases)("the %s form", (_, schema, valid, fields) => {
  it("accepts the valid form", () => {
    expect(schema.safeParse(valid).success).toBe(true);
  });

  it.each(["\u0000", "\uD800", "\u001b"])("names each text field holding %j", (bad) => {
    for (const field of fields) {
      const parsed = schema.safeParse({ ...valid, [field]: `x${bad}y` });
      expect(parsed.success, field).toBe(false);
      expect(
        parsed.error?.issues.map((issue) => issue.path.join(".")),
        field,
      ).toContain(field);
    }
  });
});
