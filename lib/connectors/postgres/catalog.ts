// What PostgreSQL says the mapped tables look like, from information_schema and pg_catalog.
import type { Catalog, ForeignKey, SqlSession, UniqueKey } from "../sql/dialect.ts";

export async function readPostgresCatalog(session: SqlSession, schema: string, names: string[]): Promise<Catalog> {
  const { rows } = await session.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.character_maximum_length, t.typcategory, c.is_nullable
       FROM information_schema.columns c
       LEFT JOIN pg_catalog.pg_namespace n ON n.nspname = c.udt_schema
       LEFT JOIN pg_catalog.pg_type t ON t.typname = c.udt_name AND t.typnamespace = n.oid
      WHERE c.table_schema = $1 AND c.table_name = ANY($2::text[])
      ORDER BY c.table_name, c.ordinal_position`,
    [schema, names],
  );
  const catalog: Catalog = new Map();
  for (const row of rows as Array<Record<string, string | number | null>>) {
    const table = String(row.table_name);
    if (!catalog.has(table)) catalog.set(table, new Map());
    catalog.get(table)!.set(String(row.column_name), {
      name: String(row.column_name),
      dataType: String(row.data_type),
      udtName: String(row.udt_name),
      maxLength: row.character_maximum_length === null ? null : Number(row.character_maximum_length),
      category: row.typcategory === null ? "X" : String(row.typcategory),
      nullable: row.is_nullable === "YES",
      lowerIndexed: false,
      caseInsensitive: row.udt_name === "citext",
    });
  }
  const lowered = await session.query(
    `SELECT DISTINCT c.relname::text AS table_name, a.attname::text AS column_name
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relname = ANY($2::text[]) AND i.indpred IS NULL
        AND pg_catalog.pg_get_indexdef(i.indexrelid, 1, true) IN
            ('lower(' || quote_ident(a.attname) || ')', 'lower(' || quote_ident(a.attname) || '::text)')`,
    [schema, names],
  );
  for (const row of lowered.rows) {
    const column = catalog.get(String(row.table_name))?.get(String(row.column_name));
    if (column) column.lowerIndexed = true;
  }
  return catalog;
}

const NAMES_OF = (keys: string, relation: string) =>
  `array(SELECT a.attname::text FROM unnest(${keys}) WITH ORDINALITY AS k(n, i)
           JOIN pg_catalog.pg_attribute a ON a.attrelid = ${relation} AND a.attnum = k.n ORDER BY k.i)`;

/** Every foreign key that references a mapped table (top-level constraints only, not a partition's copies). */
export async function readPostgresForeignKeys(session: SqlSession, schema: string, names: string[]): Promise<ForeignKey[]> {
  const { rows } = await session.query(
    `SELECT c.conname::text AS name, sn.nspname::text AS from_schema, src.relname::text AS from_table,
            ${NAMES_OF("c.conkey", "c.conrelid")} AS from_columns, dst.relname::text AS to_table,
            ${NAMES_OF("c.confkey", "c.confrelid")} AS to_columns, c.confdeltype::text AS on_delete
       FROM pg_catalog.pg_constraint c
       JOIN pg_catalog.pg_class dst ON dst.oid = c.confrelid
       JOIN pg_catalog.pg_namespace dn ON dn.oid = dst.relnamespace
       JOIN pg_catalog.pg_class src ON src.oid = c.conrelid
       JOIN pg_catalog.pg_namespace sn ON sn.oid = src.relnamespace
      WHERE c.contype = 'f' AND c.conparentid = 0 AND dn.nspname = $1 AND dst.relname = ANY($2::text[])
      ORDER BY src.relname, c.conname`,
    [schema, names],
  );
  return rows.map((row) => ({
    name: String(row.name),
    fromSchema: String(row.from_schema),
    fromTable: String(row.from_table),
    fromColumns: row.from_columns as string[],
    toTable: String(row.to_table),
    toColumns: row.to_columns as string[],
    onDelete: String(row.on_delete),
  }));
}

/** The unique indexes (and so unique and primary-key constraints) of the mapped tables. */
export async function readPostgresUniqueKeys(session: SqlSession, schema: string, names: string[]): Promise<UniqueKey[]> {
  const { rows } = await session.query(
    `SELECT ic.relname::text AS name, tc.relname::text AS table, ${NAMES_OF("i.indkey::int2[]", "i.indrelid")} AS columns
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = tc.relnamespace
      WHERE i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL AND n.nspname = $1 AND tc.relname = ANY($2::text[])
      ORDER BY tc.relname, ic.relname`,
    [schema, names],
  );
  return rows.map((row) => ({ name: String(row.name), table: String(row.table), columns: row.columns as string[] }));
}
