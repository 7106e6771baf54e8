// Reads a MySQL or MariaDB database for discovery through information_schema, in one READ ONLY
// transaction with a per-statement time limit: tables, columns, unique keys, foreign keys, then a
// bounded sample of each table's rows, turned into pattern counts as they arrive.
import mysql, { type Connection, type RowDataPacket } from "mysql2/promise";
import { AppError } from "../errors.ts";
import type { Inspection, InspectOptions } from "./inspect-source.ts";
import { type ReadRows, sampleTables } from "./sample-tables.ts";
import type { CatalogForeignKey, CatalogTable, ColumnKind, SourceCatalog } from "./source-catalog.ts";
import { connectionError, errorCode } from "./source-errors.ts";

/** information_schema's words as pg_constraint's letters, the form the SQL connectors share. */
const DELETE_RULES: Record<string, string> = { "NO ACTION": "a", RESTRICT: "r", CASCADE: "c", "SET NULL": "n", "SET DEFAULT": "d" };
const TEXT = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext"]);
const NUMBER = new Set([
  "tinyint",
  "smallint",
  "mediumint",
  "int",
  "integer",
  "bigint",
  "decimal",
  "numeric",
  "float",
  "double",
  "year",
  "bit",
]);
const BINARY = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "geometry", "point", "linestring", "polygon"]);

export async function inspectMysql(url: string, options: InspectOptions): Promise<Inspection> {
  const schema = options.schema ?? databaseName(url);
  if (!schema)
    throw new AppError(
      "BAD_REQUEST",
      "Name the database to read: at the end of the address (mysql://user@host:3306/shop) or as the schema.",
      {
        text: { key: "staffConnectors.errors.nameDatabase" },
      },
    );
  let connection: Connection;
  try {
    connection = await mysql.createConnection({
      uri: url,
      connectTimeout: 5000,
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
    });
  } catch (error) {
    throw connectionError("MySQL", url, error);
  }
  connection.on("error", () => {});
  try {
    const [version] = await connection.query<RowDataPacket[]>("SELECT VERSION() AS version");
    const seconds = Math.max(1, Math.round(options.statementTimeoutMs / 1000));
    if (/mariadb/i.test(String(version[0].version))) await connection.query(`SET SESSION max_statement_time = ${seconds}`);
    else await connection.query(`SET SESSION MAX_EXECUTION_TIME = ${seconds * 1000}`);
    await connection.query("SET SESSION lock_wait_timeout = 2");
    await connection.query("START TRANSACTION READ ONLY");
    const catalog = await readCatalog(connection, schema);
    const { sample, unsampled } = await sampleTables(catalog, options, rowReader(connection, schema));
    await connection.query("ROLLBACK");
    return { catalog, sample, unsampled, sourceName: schema };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = errorCode(error) || "unknown";
    throw new AppError("BAD_REQUEST", `MySQL refused to describe the database (error ${code}).`, {
      text: { key: "staffConnectors.errors.describeRefused", values: { engine: "MySQL", code } },
    });
  } finally {
    await connection.end().catch(() => {});
  }
}

async function readCatalog(connection: Connection, schema: string): Promise<SourceCatalog> {
  const [schemata] = await connection.query<RowDataPacket[]>("SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", [schema]);
  if (schemata.length === 0)
    throw new AppError("BAD_REQUEST", `There is no database "${schema}" on this server (or this user cannot see it).`, {
      text: { key: "staffConnectors.errors.noMysqlDatabase", values: { schema } },
    });
  const [columns] = await connection.query<RowDataPacket[]>(
    `SELECT c.TABLE_NAME AS tableName, c.COLUMN_NAME AS columnName, c.DATA_TYPE AS dataType, c.COLUMN_TYPE AS columnType,
            c.CHARACTER_MAXIMUM_LENGTH AS maxLength, c.IS_NULLABLE AS nullable
       FROM information_schema.COLUMNS c
       JOIN information_schema.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'
      WHERE c.TABLE_SCHEMA = ?
      ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    [schema],
  );
  const [indexes] = await connection.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, COLUMN_NAME AS columnName
       FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? AND NON_UNIQUE = 0 AND COLUMN_NAME IS NOT NULL
      ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [schema],
  );
  const [references] = await connection.query<RowDataPacket[]>(
    `SELECT k.CONSTRAINT_NAME AS name, k.TABLE_SCHEMA AS fromSchema, k.TABLE_NAME AS fromTable, k.COLUMN_NAME AS fromColumn,
            k.REFERENCED_TABLE_NAME AS toTable, k.REFERENCED_COLUMN_NAME AS toColumn, r.DELETE_RULE AS onDelete
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.REFERENCED_TABLE_SCHEMA = ?
      ORDER BY k.TABLE_SCHEMA, k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [schema],
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const table: CatalogTable = tables.get(row.tableName) ?? { name: row.tableName, columns: [], primaryKey: [], uniqueKeys: [] };
    const kind = kindOf(String(row.dataType).toLowerCase());
    table.columns.push({
      name: row.columnName,
      type: row.columnType,
      kind,
      maxLength: kind === "text" && row.maxLength !== null ? Number(row.maxLength) : null,
      nullable: row.nullable === "YES",
    });
    tables.set(row.tableName, table);
  }
  const grouped = new Map<string, { table: string; index: string; columns: string[] }>();
  for (const row of indexes) {
    const id = `${row.tableName}\u0000${row.indexName}`;
    const entry = grouped.get(id) ?? { table: String(row.tableName), index: String(row.indexName), columns: [] as string[] };
    entry.columns.push(row.columnName);
    grouped.set(id, entry);
  }
  for (const { table, index, columns: keyColumns } of grouped.values()) {
    const found = tables.get(table);
    if (!found) continue;
    found.uniqueKeys.push(keyColumns);
    if (index === "PRIMARY") found.primaryKey = keyColumns;
  }
  const foreignKeys = new Map<string, CatalogForeignKey>();
  for (const row of references) {
    const id = `${row.fromSchema}\u0000${row.fromTable}\u0000${row.name}`;
    const key: CatalogForeignKey = foreignKeys.get(id) ?? {
      name: row.name,
      fromSchema: row.fromSchema,
      fromTable: row.fromTable,
      fromColumns: [],
      toTable: row.toTable,
      toColumns: [],
      onDelete: DELETE_RULES[String(row.onDelete)] ?? "a",
    };
    key.fromColumns.push(row.fromColumn);
    key.toColumns.push(row.toColumn);
    foreignKeys.set(id, key);
  }
  return { dialect: "mysql", schema, tables: [...tables.values()], foreignKeys: [...foreignKeys.values()] };
}

function kindOf(dataType: string): ColumnKind {
  if (TEXT.has(dataType)) return "text";
  if (NUMBER.has(dataType)) return "number";
  if (BINARY.has(dataType)) return "binary";
  if (dataType === "date") return "date";
  if (dataType === "datetime" || dataType === "timestamp") return "timestamp";
  return "other";
}

function rowReader(connection: Connection, schema: string): ReadRows {
  return async (table, columns, limit) => {
    const list = columns.map((column) => `LEFT(CAST(${quoteName(column.name)} AS CHAR), 200)`).join(", ");
    const [rows] = await connection.query<Array<Array<string | null>> & RowDataPacket[][]>({
      sql: `SELECT ${list} FROM ${quoteName(schema)}.${quoteName(table.name)} LIMIT ${limit}`,
      rowsAsArray: true,
    });
    return rows;
  };
}

function quoteName(name: string): string {
  return `\`${name.replaceAll("`", "``")}\``;
}

function databaseName(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).pathname.slice(1)) || null;
  } catch {
    return null;
  }
}
