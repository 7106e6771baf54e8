// Prisma's schema engine as WebAssembly: applies and diffs migrations with no native binary,
// which cannot be downloaded on these machines. Writes the usual `_prisma_migrations` table,
// so `prisma migrate deploy` on a connected machine agrees with what this applied.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const root = fileURLToPath(new URL("../..", import.meta.url));
export const schemaPath = join(root, "prisma", "schema.prisma");
export const migrationsDir = join(root, "prisma", "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
type Engine = Awaited<ReturnType<EngineModule["SchemaEngine"]["new"]>>;
type AdapterFactory = Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0];

let enginePromise: Promise<EngineModule> | undefined;

/**
 * The engine arms 10-second timers of its own that outlive every call and would keep a script
 * alive after its work is done: the imports handed to the WebAssembly instance unref them.
 */
function withUnrefTimers(module: EngineModule): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...module };
  for (const [name, original] of Object.entries(imports)) {
    if (name.startsWith("__wbg_setTimeout") && typeof original === "function") {
      imports[name] = (...args: unknown[]) => {
        const handle = original(...args) as { unref?: () => void };
        handle?.unref?.();
        return handle;
      };
    }
  }
  return imports;
}

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const module: EngineModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = readFileSync(join(dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": withUnrefTimers(module) as never });
  (module as unknown as { __wbg_set_wasm(exports: unknown): void }).__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  return module;
}

async function openEngine(adapter: AdapterFactory, log: (line: string) => void): Promise<Engine> {
  enginePromise ??= loadEngineModule();
  const module = await enginePromise;
  const schemaText = readFileSync(schemaPath, "utf8");
  return module.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    (line: string) => log(line),
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

export function readMigrationsList() {
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  let lockContent: string | null = null;
  try {
    lockContent = readFileSync(join(migrationsDir, "migration_lock.toml"), "utf8");
  } catch {
    lockContent = null;
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

type PgAdapter = { client: { query(sql: string): Promise<unknown> }; onError(error: unknown): never };

/**
 * The pg adapter runs a migration by splitting it on every ";", which breaks function bodies and
 * leaves half a migration behind on failure. Sent whole, PostgreSQL runs a multi-statement script
 * in one implicit transaction: a migration applies completely or not at all.
 */
function runScriptsWhole(factory: PrismaPg, opened: Array<{ dispose(): Promise<void> }>): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    const pg = adapter as unknown as PgAdapter;
    adapter.executeScript = async (script: string) => {
      try {
        await pg.client.query(script);
      } catch (error) {
        pg.onError(error);
      }
    };
    return adapter;
  };
  return factory;
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Applies every committed migration not yet applied; returns the names applied now. */
export async function applyMigrations(databaseUrl: string, log: (line: string) => void = () => {}) {
  const url = new URL(databaseUrl);
  // Discrete fields, not a connection string: see STACK.md (the engine's own database name wins otherwise).
  const adapter = new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  });
  // The engine does not close the adapter's pool; left open it keeps the process alive.
  const opened: Array<{ dispose(): Promise<void> }> = [];
  const engine = await openEngine(runScriptsWhole(adapter, opened), log);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: noFilters });
    return result.appliedMigrationNames as string[];
  } finally {
    engine.free();
    await Promise.all(opened.map((a) => a.dispose()));
  }
}

/** The SQL that takes the committed migrations to the current schema ("" when none is needed). */
export async function diffMigrations(log: (line: string) => void = () => {}): Promise<string> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const engine = await openEngine(new PrismaPGlite(new PGlite()) as unknown as AdapterFactory, log);
  try {
    const list = readMigrationsList();
    const from = list.migrationDirectories.length > 0 ? { tag: "migrations" as const, ...list } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    } as never);
    return (result as { stdout: string }).stdout;
  } finally {
    engine.free();
  }
}
