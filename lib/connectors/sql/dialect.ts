// What differs between the SQL engines, and nothing else: quoting, the catalog queries, sessions
// and streaming, the row identity used to set shared rows aside, hashing and value formatting.
// Everything the engines share (the graph, matching, erasure's order and shared-row rules, the
// checks) is written once in this folder against this interface.
import type { ConfigProblem } from "../connector.ts";
import type { FieldFormat } from "../value-formats.ts";
import type { SqlConfig } from "./config.ts";
import type { Params } from "./sql.ts";

export type Row = Record<string, unknown>;

export type ColumnInfo = {
  name: string;
  /** As information_schema spells it: "integer", "text", "character varying", "varchar"… */
  dataType: string;
  /** PostgreSQL's type name (int4, citext…); the data type elsewhere. */
  udtName: string;
  maxLength: number | null;
  /** N numeric, S string, D date/time, X anything else (PostgreSQL's own categories there). */
  category: string;
  nullable: boolean;
  /** An index serves the case-insensitive lookup of this column (PostgreSQL: an index on lower(column)). */
  lowerIndexed: boolean;
  /** The column compares text without regard to case by itself (a case-insensitive collation, citext). */
  caseInsensitive?: boolean;
  /** Its collation, where the engine has one per column. */
  collation?: string | null;
  /** Part of the table's primary key. */
  inPrimaryKey?: boolean;
  /** Holds JSON text (MariaDB's JSON is text with a json_valid check). */
  json?: boolean;
};

/** Table name → column name → column, for the mapped tables that exist in the schema. */
export type Catalog = Map<string, Map<string, ColumnInfo>>;

/** A foreign key that points at a mapped table, from any table of any schema. */
export type ForeignKey = {
  name: string;
  fromSchema: string;
  fromTable: string;
  fromColumns: string[];
  /** The mapped table it references, and that table's columns in the same order. */
  toTable: string;
  toColumns: string[];
  /** As pg_constraint.confdeltype: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
};

/** A unique index or constraint of a mapped table (a partial index counts only for its rows, so it is left out). */
export type UniqueKey = { name: string; table: string; columns: string[] };

export type SqlSession = {
  /** Runs one statement; values travel as the $1, $2… of `sql`. */
  query(sql: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
};

/** A read-only snapshot of the database, streaming rows so memory does not grow with them. */
export type SnapshotReader = {
  session: SqlSession;
  stream(sql: string, params: unknown[]): AsyncIterable<Row>;
  commit(): Promise<void>;
  /** Ends the snapshot (rolled back unless committed) and gives the connection back, or drops it. */
  close(): Promise<void>;
};

/** Rows or keys remembered for the rest of a transaction. */
export type KeySet = {
  rows: number;
  /** A predicate that holds when the values of `expressions` are one of the remembered rows (NULL or false otherwise). */
  contains(expressions: string[], params: Params): string;
};

export type SqlDialect<C extends SqlConfig = SqlConfig> = {
  /** The engine's name as people know it, for messages. */
  name: string;
  /** The schema (PostgreSQL) or database (MariaDB) the mapped tables are in. */
  schemaOf(config: C): string;
  quote(name: string): string;
  qualified(schema: string, table: string): string;

  /** Runs `work` in one read-write transaction; any error rolls everything back. */
  inTransaction<T>(url: string, work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** A session outside any transaction, for the catalog; connection errors are messages a person can act on. */
  withSession<T>(url: string, work: (session: SqlSession) => Promise<T>): Promise<T>;
  openSnapshot(url: string): Promise<SnapshotReader>;

  /** The schema itself is missing, when the engine can tell (PostgreSQL); null when it is there. */
  schemaProblem(session: SqlSession, config: C): Promise<ConfigProblem | null>;
  tableNames(session: SqlSession, schema: string): Promise<string[]>;
  readCatalog(session: SqlSession, schema: string, tables: string[]): Promise<Catalog>;
  readForeignKeys(session: SqlSession, schema: string, tables: string[]): Promise<ForeignKey[]>;
  readUniqueKeys(session: SqlSession, schema: string, tables: string[]): Promise<UniqueKey[]>;

  /** The person's email compared without regard to case, served by an index where one can be. */
  emailPredicate(target: string, column: ColumnInfo, param: string): string;
  /** A confirmed account id in the column's own type; FALSE when the value cannot be of that type. */
  accountPredicate(target: string, column: ColumnInfo, value: string, params: Params): string;
  /** What tells rows of `table` apart inside a transaction (PostgreSQL's address, MariaDB's primary key). */
  rowIdentity(table: string, alias: string, columns: Map<string, ColumnInfo>): string[];
  /** Runs `select` (its columns named c0, c1…) and remembers its rows for the transaction. */
  remember(session: SqlSession, name: string, select: string, params: unknown[], width: number): Promise<KeySet>;
  /** `DELETE FROM table AS alias`, as the engine writes it. */
  deleteFrom(table: string, alias: string): string;
  /** A parameter taken as text. */
  text(param: string): string;
  /** a IS DISTINCT FROM b. */
  distinct(a: string, b: string): string;
  /** The first `length` hex digits of SHA-256(salt || value). */
  hash(salt: string, value: string, length: number): string;
  /** The value, as text compared byte for byte, matches the regular expression `pattern`. */
  matches(value: string, pattern: string): string;
  /**
   * UPDATE `table` AS alias SET `set` WHERE `where(alias)`, returning how many rows changed. Where an
   * update moves a row's identity (PostgreSQL's ctid), the rows of `tracked` are moved along.
   */
  updateTracked(
    session: SqlSession,
    table: string,
    set: string,
    where: (alias: string) => string,
    tracked: KeySet | undefined,
    params: Params,
  ): Promise<number>;
  /** The SQLSTATE of an error the engine raised, "" when there is none. */
  errorState(error: unknown): string;
  /** Lookups the mapping makes that no index serves, or that compare other than as the person expects. */
  lookupAdvice(config: C, catalog: Catalog): string[];
  /** A row as JSON-safe fields in the documented formats. */
  rowToFields(row: Row, columns: Map<string, ColumnInfo> | undefined): Record<string, unknown>;
  /** The format rowToFields writes a column's values in, when they are text standing for something else. */
  valueFormat(column: ColumnInfo): FieldFormat | undefined;
};

/** A source that cannot be reached: reported once, at the url, in words a person can act on (never the password). */
export class ConnectionProblem extends Error {}
