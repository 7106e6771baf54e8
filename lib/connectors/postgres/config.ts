// The shape a company writes for a `postgres` source: the database address and schema, and the
// tables as every SQL source maps them (../sql/config.ts).
import { z } from "zod";
import { identifier, sqlConfigShape, tablesProblems } from "../sql/config.ts";

const engine = { name: "PostgreSQL", identifierLimit: 63 };

export const postgresConfigSchema = z
  .strictObject({
    url: z
      .string({ error: "Give the database address (url), e.g. postgresql://user:password@host:5432/shop" })
      .refine(isPostgresUrl, "The url must look like postgresql://user:password@host:5432/database"),
    schema: identifier(engine, "schema name").default("public"),
    ...sqlConfigShape(engine),
  })
  .superRefine((config, ctx) => {
    for (const problem of tablesProblems(config.tables)) ctx.addIssue({ code: "custom", ...problem });
  });

export type PostgresConfig = z.infer<typeof postgresConfigSchema>;
export type { TableConfig } from "../sql/config.ts";

function isPostgresUrl(value: string): boolean {
  try {
    return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
