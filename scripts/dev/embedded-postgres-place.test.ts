// Where the demo's PostgreSQL runs from when the postgres user cannot reach the clone (as root):
// a private folder of that user, never an opened-up folder of the person, never one prepared by
// someone else. Real system calls (the reachability probe runs as the postgres user).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { preparePostgresPlace, privateFolderFor } from "./embedded-postgres-place.ts";

const asRoot = process.getuid?.() === 0;
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env.DEMO_PG_PRIVATE_BASE;
});

/** A folder only root may enter (as `mktemp -d` makes), and a base for private folders others may search. */
function folders() {
  const closed = mkdtempSync(join(tmpdir(), "dsar-place-closed-"));
  const base = mkdtempSync(join(tmpdir(), "dsar-place-base-"));
  chmodSync(base, 0o755);
  made.push(closed, base);
  process.env.DEMO_PG_PRIVATE_BASE = base;
  return { closed, base };
}

describe.skipIf(!asRoot)("the embedded PostgreSQL's place, as root", () => {
  it("keeps the cluster in a private folder of the postgres user when the data folder is out of its reach, and opens nothing", () => {
    const { closed, base } = folders();
    const dataDir = join(closed, "clone", ".data", "postgres");
    const place = preparePostgresPlace({ dataDir, log: () => {} });
    const privateDir = privateFolderFor(dataDir, base);
    expect(place.privateDir).toBe(privateDir);
    expect(place.dataDir).toBe(join(privateDir, "data"));
    const stat = statSync(privateDir);
    expect({ uid: stat.uid, mode: stat.mode & 0o777 }).toEqual({ uid: place.runAs?.uid, mode: 0o700 });
    expect(statSync(closed).mode & 0o777).toBe(0o700);
  });

  it("refuses a folder of that name that the postgres user does not own alone", () => {
    const { closed, base } = folders();
    const dataDir = join(closed, ".data", "postgres");
    const planted = privateFolderFor(dataDir, base);
    mkdirSync(planted, { mode: 0o700 }); // owned by root: someone else's
    expect(() => preparePostgresPlace({ dataDir, log: () => {} })).toThrow(/is not a private folder of the postgres user/);
  });

  it("leaves the data folder where it is when the postgres user can reach it", () => {
    const { base } = folders();
    const open = join(base, "open", ".data", "postgres");
    const place = preparePostgresPlace({ dataDir: open, log: () => {} });
    expect(place.dataDir).toBe(open);
    // The binaries may still need a private copy: that depends on where this checkout sits (CI's
    // clone is in a folder only root may enter), but the data never moves there.
    if (place.privateDir === undefined) {
      expect(existsSync(privateFolderFor(open, base))).toBe(false);
    } else {
      expect(place.binariesDir).toBe(join(place.privateDir, "pgsql"));
      expect(readdirSync(place.privateDir)).toEqual(["pgsql"]);
    }
  });

  it("names the folder in the way when a cluster already sits out of reach", () => {
    const { closed } = folders();
    const dataDir = join(closed, ".data", "postgres");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, "PG_VERSION"), "18\n");
    expect(() => preparePostgresPlace({ dataDir, log: () => {} })).toThrow(new RegExp(`now ${closed} stops that user`));
  });
});
