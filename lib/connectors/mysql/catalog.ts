// What MySQL/MariaDB says the mapped tables look like, from information_schema. Its name
// comparisons may ignore case, so every row is matched to the mapped names exactly here.
import type { Catalog, ColumnInfo, ForeignKey, SqlSession, UniqueKey } from "../sql/dialect.ts";

const TEXT = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext"]);
const NUMBER = new Set(["tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float", "double", "year"]);
const TIME = new Set(["date", "datetime", "timestamp", "time"]);

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export async function readMysqlCatalog(session: SqlSession, schema: string, names: string[]): Promise<Catalog> {
  const wanted = new Set(names);
  const { rows } = await session.query(
    `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type, COLUMN_TYPE AS column_type,
            CHARACTER_MAXIMUM_LENGTH AS max_length, IS_NULLABLE AS is_nullable, COLLATION_NAME AS collation_name, COLUMN_KEY AS column_key
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = $1 AND TABLE_NAME IN ($2) ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [schema, names],
  );
  const indexed = await firstIndexedColumns(session, schema, names);
  const json = await jsonColumns(session, schema, names);
  const catalog: Catalog = new Map();
  for (const row of rows) {
    const table = String(row.table_name);
    if (!wanted.has(table)) continue;
    if (!catalog.has(table)) catalog.set(table, new Map());
    const dataType = String(row.data_type).toLowerCase();
    const collation = text(row.collation_name);
    const caseInsensitive = collation !== null && /_ci$/i.test(collation);
    const column: ColumnInfo = {
      name: String(row.column_name),
      dataType,
      udtName: String(row.column_type).toLowerCase(),
      // A whole text type holds more characters than any mask needs; its limit is in bytes anyway.
      maxLength:
        TEXT.has(dataType) && dataType !== "char" && dataType !== "varchar"
          ? null
          : row.max_length === null
            ? null
            : Number(row.max_length),
      category: TEXT.has(dataType) ? "S" : NUMBER.has(dataType) ? "N" : TIME.has(dataType) ? "D" : "X",
      nullable: row.is_nullable === "YES",
      caseInsensitive,
      collation,
      // With a case-insensitive collation a plain index serves the lookup; LOWER() on both sides is served by none.
      lowerIndexed: caseInsensitive && indexed.has(`${table}\0${row.column_name}`),
      inPrimaryKey: row.column_key === "PRI",
      json: dataType === "json" || json.has(`${table}\0${row.column_name}`),
    };
    catalog.get(table)!.set(column.name, column);
  }
  return catalog;
}

async function firstIndexedColumns(session: SqlSession, schema: string, names: string[]): Promise<Set<string>> {
  const { rows } = await session.query(
    `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = $1 AND TABLE_NAME IN ($2) AND SEQ_IN_INDEX = 1`,
    [schema, names],
  );
  return new Set(rows.map((row) => `${row.table_name}\0${row.column_name}`));
}

/** MariaDB's JSON columns are text with a json_valid check named after the column. */
async function jsonColumns(session: SqlSession, schema: string, names: string[]): Promise<Set<string>> {
  try {
    const { rows } = await session.query(
      `SELECT TABLE_NAME AS table_name, CHECK_CLAUSE AS check_clause FROM information_schema.CHECK_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = $1 AND TABLE_NAME IN ($2)`,
      [schema, names],
    );
    const found = new Set<string>();
    for (const row of rows) {
      const match = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(String(row.check_clause).trim());
      if (match) found.add(`${row.table_name}\0${match[1].replaceAll("``", "`")}`);
    }
    return found;
  } catch {
    // MySQL's CHECK_CONSTRAINTS has no table name; its JSON columns say so in their type.
    return new Set();
  }
}

const DELETE_RULES: Record<string, string> = { "NO ACTION": "a", RESTRICT: "r", CASCADE: "c", "SET NULL": "n", "SET DEFAULT": "d" };

/** Every foreign key that references a mapped table, from any table of any database. */
export async function readMysqlForeignKeys(session: SqlSession, schema: string, names: string[]): Promise<ForeignKey[]> {
  const wanted = new Set(names);
  const { rows } = await session.query(
    `SELECT k.CONSTRAINT_NAME AS name, k.TABLE_SCHEMA AS from_schema, k.TABLE_NAME AS from_table, k.COLUMN_NAME AS from_column,
            k.REFERENCED_TABLE_NAME AS to_table, k.REFERENCED_COLUMN_NAME AS to_column, r.DELETE_RULE AS on_delete
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.REFERENCED_TABLE_SCHEMA = $1 AND k.REFERENCED_TABLE_NAME IN ($2)
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [schema, names],
  );
  const keys = new Map<string, ForeignKey>();
  for (const row of rows) {
    if (!wanted.has(String(row.to_table))) continue;
    const id = `${row.from_schema}\0${row.from_table}\0${row.name}`;
    let key = keys.get(id);
    if (!key) {
      key = {
        name: String(row.name),
        fromSchema: String(row.from_schema),
        fromTable: String(row.from_table),
        fromColumns: [],
        toTable: String(row.to_table),
        toColumns: [],
        onDelete: DELETE_RULES[String(row.on_delete)] ?? "a",
      };
      keys.set(id, key);
    }
    key.fromColumns.push(String(row.from_column));
    key.toColumns.push(String(row.to_column));
  }
  return [...keys.values()].sort((a, b) => compare(a.fromTable, b.fromTable) || compare(a.name, b.name));
}

/** The unique indexes (the primary key among them) of the mapped tables; an index on an expression is left out. */
export async function readMysqlUniqueKeys(session: SqlSession, schema: string, names: string[]): Promise<UniqueKey[]> {
  const wanted = new Set(names);
  const { rows } = await session.query(
    `SELECT TABLE_NAME AS table_name, INDEX_NAME AS index_name, COLUMN_NAME AS column_name FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = $1 AND TABLE_NAME IN ($2) AND NON_UNIQUE = 0 ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [schema, names],
  );
  const keys = new Map<string, UniqueKey & { expression: boolean }>();
  for (const row of rows) {
    const table = String(row.table_name);
    if (!wanted.has(table)) continue;
    const id = `${table}\0${row.index_name}`;
    if (!keys.has(id)) keys.set(id, { name: String(row.index_name), table, columns: [], expression: false });
    const key = keys.get(id)!;
    if (row.column_name === null) key.expression = true;
    else key.columns.push(String(row.column_name));
  }
  return [...keys.values()].filter((key) => !key.expression).map(({ name, table, columns }) => ({ name, table, columns }));
}

export async function readMysqlTableNames(session: SqlSession, schema: string): Promise<string[]> {
  const { rows } = await session.query("SELECT TABLE_NAME AS table_name FROM information_schema.TABLES WHERE TABLE_SCHEMA = $1", [schema]);
  return rows.map((row) => String(row.table_name)).sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
