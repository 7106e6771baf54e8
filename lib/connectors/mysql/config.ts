// The shape a company writes for a `mysql` source (MySQL or MariaDB): the database address, whose
// database holds the mapped tables, and the tables as every SQL source maps them (../sql/config.ts).
import { z } from "zod";
import { sqlConfigShape, tablesProblems } from "../sql/config.ts";

const engine = { name: "MySQL", identifierLimit: 64 };

export const mysqlConfigSchema = z
  .strictObject({
    url: z
      .string({ error: "Give the database address (url), e.g. mysql://user:password@host:3306/shop" })
      .refine(isMysqlUrl, "The url must look like mysql://user:password@host:3306/database, with the database at the end"),
    ...sqlConfigShape(engine),
  })
  .superRefine((config, ctx) => {
    for (const problem of tablesProblems(config.tables)) ctx.addIssue({ code: "custom", ...problem });
  });

export type MysqlConfig = z.infer<typeof mysqlConfigSchema>;

function isMysqlUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ["mysql:", "mariadb:"].includes(url.protocol) && databaseOf(value) !== "";
  } catch {
    return false;
  }
}

/** The database named at the end of the url: where the mapped tables are. */
export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}
