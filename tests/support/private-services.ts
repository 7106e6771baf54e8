// A PostgreSQL and a Redis of a test file's own, on free ports, which the file may stop and start
// again without touching the shared servers other runs use. PostgreSQL is Debian's (the newest in
// /usr/lib/postgresql); as root it runs as the postgres user, from a folder that user owns.
import { type ChildProcess, execFile, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type PrivateRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void>; remove(): Promise<void> };

/** Append-only, as a production Redis is configured, so the queues survive a restart. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "dsar-redis-"));
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (running()) return;
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", dir];
    const started = spawn("redis-server", args, { stdio: "ignore" });
    child = started;
    for (let tries = 0; ; tries++) {
      const answer = await run("redis-cli", ["-p", String(port), "ping"]).catch(() => ({ stdout: "" }));
      if (answer.stdout.trim() === "PONG") return;
      if (tries > 300 || started.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
      await sleep(100);
    }
  };
  const stop = async () => {
    if (!running() || !child) return;
    const exited = once(child, "exit");
    await run("redis-cli", ["-p", String(port), "shutdown"]).catch(() => child?.kill("SIGTERM"));
    await exited;
  };
  await start();
  process.once("exit", () => child?.kill("SIGKILL")); // should the file stop before its afterAll
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type PrivatePostgres = {
  /** The server's `postgres` database, as the postgres role (trust authentication). */
  adminUrl: string;
  port: number;
  start(): Promise<void>;
  /** Fast shutdown (SIGINT): sessions are ended, as an operator's restart does. */
  stop(): Promise<void>;
  remove(): Promise<void>;
};

function debianPostgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((name) => existsSync(join(base, name, "bin", "postgres"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("No PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql).");
  return join(base, newest, "bin");
}

function postgresIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const ids = { uid: id("-u"), gid: id("-g") };
  if (!Number.isInteger(ids.uid) || !Number.isInteger(ids.gid)) throw new Error("Running as root needs a postgres user.");
  return ids;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = debianPostgresBin();
  const ids = postgresIds();
  const port = await freePort();
  // Directly in the temporary folder (world-searchable), owned by the server's user.
  const dir = mkdtempSync(join(tmpdir(), "dsar-pg-"));
  if (ids) chownSync(dir, ids.uid, ids.gid);
  const dataDir = join(dir, "data");
  const asServerUser = ids ? { uid: ids.uid, gid: ids.gid } : {};
  const env = { ...process.env, LC_ALL: "C" };
  const init = spawnSync(
    join(bin, "initdb"),
    [`--pgdata=${dataDir}`, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C", "--no-sync"],
    { ...asServerUser, env, encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.error}`);
  let child: ChildProcess | undefined;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const start = async () => {
    if (running()) return;
    const args = ["-D", dataDir, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"];
    args.push("-c", "max_connections=200");
    let output = "";
    const started = spawn(join(bin, "postgres"), args, { ...asServerUser, env, stdio: ["ignore", "ignore", "pipe"] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.stderr?.on("data", (chunk: Buffer) => {
        if (output.length < 100_000) output += chunk.toString();
        if (output.includes("ready to accept connections")) resolve();
      });
      started.once("exit", (code) => reject(new Error(`postgres exited (${code}) while starting:\n${output}`)));
    });
  };
  const stop = async () => {
    if (!running() || !child) return;
    const exited = once(child, "exit");
    child.kill("SIGINT");
    await exited;
  };
  await start();
  process.once("exit", () => child?.kill("SIGKILL"));
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async remove() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
