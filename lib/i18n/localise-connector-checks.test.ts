// A French member reads the checks of a database mapping against the live catalog, and the answer
// of a connector's "Test" button, in French: the real messages the checks and tests write, not
// samples, each matched to the catalogue (staffChecks.sqlLive, staffChecks.connectorTest).
import { describe, expect, it } from "vitest";
import { manualConnector } from "../connectors/manual/index.ts";
import { mysqlConnectionProblem } from "../connectors/mysql/pool.ts";
import type { PostgresConfig } from "../connectors/postgres/config.ts";
import { postgresConfigSchema } from "../connectors/postgres/config.ts";
import { postgresDialect } from "../connectors/postgres/dialect.ts";
import { connectionProblem } from "../connectors/postgres/pool.ts";
import { checkConfig, list, mappingAdvice } from "../connectors/sql/check.ts";
import type { Catalog, ColumnInfo, ForeignKey, SqlDialect, UniqueKey } from "../connectors/sql/dialect.ts";
import { localiseCheckMessage } from "./localise-check-message.ts";
import { localiseTestResult } from "./localise-test-result.ts";

const ENGLISH =
  /\b(has no|it has|Cannot|would fail|Masking|instead|Deleting|points to them|reached through|finding a person|Connected|answered|refused|Could not|Check the|more)\b/;

function column(name: string, dataType: string, extra: Partial<ColumnInfo> = {}): ColumnInfo {
  const text = dataType.startsWith("character") || dataType === "text";
  return { name, dataType, udtName: dataType, maxLength: null, category: text ? "S" : "N", nullable: true, lowerIndexed: false, ...extra };
}

const catalog: Catalog = new Map([
  [
    "customers",
    new Map([
      ["id", column("id", "integer", { nullable: false })],
      ["email", column("email", "text")],
    ]),
  ],
  [
    "orders",
    new Map([
      ["id", column("id", "integer", { nullable: false })],
      ["customer_id", column("customer_id", "text")],
      ["note", column("note", "character varying", { maxLength: 4, nullable: false })],
      ["code", column("code", "character varying", { maxLength: 40 })],
    ]),
  ],
  [
    "invoices",
    new Map([
      ["id", column("id", "integer")],
      ["order_id", column("order_id", "integer")],
    ]),
  ],
]);
const foreignKeys: ForeignKey[] = [
  {
    name: "invoices_order",
    fromSchema: "shop",
    fromTable: "invoices",
    fromColumns: ["order_id"],
    toTable: "orders",
    toColumns: ["id"],
    onDelete: "a",
  },
];
const uniqueKeys: UniqueKey[] = [{ name: "orders_code_key", table: "orders", columns: ["code"] }];

/** The PostgreSQL dialect's words over an in-memory catalog: no database needed. */
const dialect: SqlDialect<PostgresConfig> = {
  ...postgresDialect,
  withSession: (_url, work) => work({ query: async () => ({ rows: [], rowCount: 0 }) }),
  schemaProblem: async () => null,
  tableNames: async () => [...catalog.keys()],
  readCatalog: async (_session, _schema, tables) => new Map([...catalog].filter(([name]) => tables.includes(name))),
  readForeignKeys: async (_session, _schema, tables) => foreignKeys.filter((key) => tables.includes(key.toTable)),
  readUniqueKeys: async (_session, _schema, tables) => uniqueKeys.filter((key) => tables.includes(key.table)),
};

const config = (tables: unknown[]) => postgresConfigSchema.parse({ url: "postgresql://u:p@h:5432/shop", schema: "shop", tables });

function french(message: string): string {
  const said = localiseCheckMessage(message, "fr");
  expect(said, message).toBeDefined();
  expect(said, message).not.toMatch(ENGLISH);
  return said ?? "";
}

describe("the live checks of a database mapping, in French", () => {
  it("names missing tables and columns and joins that cannot work", async () => {
    const problems = await checkConfig(
      dialect,
      config([
        { table: "customers", identity: { email: "e_mail" } },
        { table: "orders", via: { parent: "customers", column: "customer_id", parentColumn: "id" } },
        { table: "custmers", identity: { email: "email" } },
      ]),
    );
    expect(problems.length).toBe(3);
    const said = problems.map((problem) => french(problem.message));
    expect(said).toContain(
      'La table «\u00a0customers\u00a0» n’a pas de colonne «\u00a0e_mail\u00a0»\u00a0; elle contient\u00a0: "id", "email"',
    );
    expect(said.join("\n")).toContain("leurs types diffèrent");
    expect(said.join("\n")).toContain("Le schéma «\u00a0shop\u00a0» n’a pas de table «\u00a0custmers\u00a0»");
  });

  it("says why an erasure could only fail, with its advice", async () => {
    const problems = await checkConfig(
      dialect,
      config([
        { table: "customers", identity: { email: "email" } },
        {
          table: "orders",
          via: { parent: "customers", column: "id", parentColumn: "id" },
          erase: { strategy: "mask", columns: { note: "null", code: "redact" } },
        },
      ]),
    );
    expect(problems.map((problem) => problem.message.slice(0, 12))).toEqual(['Masking "ord', 'Masking "ord']);
    const said = problems.map((problem) => french(problem.message));
    expect(said[0]).toMatch(
      /^Masquer "orders"\."note" par null ferait échouer chaque effacement.* Conservez ou supprimez plutôt ces lignes$/,
    );
    expect(said[1]).toContain(
      "Utilisez plutôt unique-hash (une empreinte salée, tronquée à la longueur de la colonne, différente pour chaque ligne) ou null",
    );
    const blocked = await checkConfig(dialect, config([{ table: "orders", identity: { email: "code" }, erase: { strategy: "delete" } }]));
    expect(blocked).toHaveLength(1);
    expect(french(blocked[0].message)).toContain("n’est pas cartographiée\u00a0: ses lignes restent");
  });

  it("gives the test's advice in French", async () => {
    const advice = await mappingAdvice(dialect, config([{ table: "customers", identity: { email: "email" } }]));
    expect(advice).toHaveLength(1);
    expect(french(advice[0])).toMatch(/^retrouver une personne dans «\u00a0customers\u00a0» lit toute la table/);
  });

  it("says a long list's remainder in French", () => {
    const names = Array.from({ length: 32 }, (_, i) => `t${i}`);
    expect(french(`Schema "shop" has no table "x"; it has: ${list(names)}`)).toMatch(/"t29" et 2 autres$/);
  });

  it("says why the database could not be reached", () => {
    const refused = connectionProblem("postgresql://u:p@db.example:5432/shop", Object.assign(new Error("x"), { code: "ECONNREFUSED" }));
    expect(french(refused)).toBe(
      "Connexion impossible à PostgreSQL sur db.example:5432\u00a0: connexion refusée. Vérifiez l’hôte et le port dans l’url, et que le serveur est démarré.",
    );
    const denied = mysqlConnectionProblem(
      "mysql://app:p@db.example:3306/shop",
      Object.assign(new Error("x"), { code: "ER_ACCESS_DENIED_ERROR" }),
    );
    expect(french(denied)).toContain("a refusé l’utilisateur «\u00a0app\u00a0» avec ce mot de passe");
  });
});

describe("the connector test's answer, in French", () => {
  it("says the answer and lists what the live checks found", () => {
    const result = localiseTestResult(
      {
        ok: false,
        message: "(English for the command line)",
        summary: "Connected, but the mapping does not match the database",
        findings: [{ path: "tables.0.table", message: 'Schema "shop" has no table "custmers"; it has: "customers"' }],
      },
      "fr",
    );
    expect(result).toEqual({
      ok: false,
      message: "Connecté, mais la cartographie ne correspond pas à la base de données",
      findings: [
        'tables.0.table\u00a0: Le schéma «\u00a0shop\u00a0» n’a pas de table «\u00a0custmers\u00a0»\u00a0; il contient\u00a0: "customers"',
      ],
    });
  });

  it("says a simple answer in French, and leaves a system's own words as they are", async () => {
    const manual = await manualConnector.test({ instructions: "Export the CRM contacts by hand" } as never);
    expect(localiseTestResult(manual, "fr").message).toBe(
      "Tâche manuelle\u00a0: l’équipe suit «\u00a0Export the CRM contacts by hand\u00a0»",
    );
    expect(localiseTestResult({ ok: true, message: "Connected; 4 tables mapped" }, "fr").message).toBe(
      "Connecté\u00a0; 4 tables cartographiées",
    );
    expect(localiseTestResult({ ok: false, message: "ssl handshake failed" }, "fr").message).toBe("ssl handshake failed");
    expect(localiseTestResult({ ok: true, message: "Connected; 4 tables mapped" }, "en").message).toBe("Connected; 4 tables mapped");
  });
});
