// The verifier as an auditor runs it: a separate process with no database and no configuration.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleFiles } from "../lib/evidence/evidence-bundle-format.ts";
import { flipByte, newSigningKey, syntheticBundle, zipOf } from "../lib/evidence/evidence-tampering.test-support.ts";
import { readZipEntries } from "../lib/evidence/read-zip-entries.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "evidence-verify-"));
const key = newSigningKey();
const forger = newSigningKey();
const paths = {
  bundle: join(dir, "bundle.zip"),
  forged: join(dir, "forged.zip"),
  tampered: join(dir, "tampered.zip"),
  pem: join(dir, "key.pem"),
  json: join(dir, "key.json"),
  text: join(dir, "notes.txt"),
};

beforeAll(async () => {
  const { zip } = await syntheticBundle(key, 5);
  writeFileSync(paths.bundle, zip);
  // Signed by someone else's key, which the bundle carries: intact, but not the portal's.
  writeFileSync(paths.forged, (await syntheticBundle(forger, 5)).zip);
  writeFileSync(paths.tampered, await zipOf(flipByte((await readZipEntries(zip)).entries, bundleFiles.connectors)));
  writeFileSync(paths.pem, key.document.pem);
  writeFileSync(paths.json, JSON.stringify(key.document));
  writeFileSync(paths.text, "not a zip");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Only PATH and HOME: proves the verifier needs neither a database nor the portal's configuration. */
function verifyCli(...args: string[]) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/evidence-verify.ts", ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("npm run evidence:verify", () => {
  it("says VALID and exits 0 for an intact bundle checked against the key, given raw, as PEM or as the published JSON", () => {
    for (const given of [key.document.publicKey, paths.pem, paths.json]) {
      const { code, out } = verifyCli(paths.bundle, "--key", given);
      expect(code).toBe(0);
      expect(out).toContain(`checked with the key given (key id ${key.keyId})`);
      expect(out).toMatch(/\nVALID\n/);
      expect(out).not.toContain("WARNING");
    }
  }, 60_000);

  it("without --key, checks integrity against the bundle's own key, warns, and exits 3 (not 0): authenticity was not checked", () => {
    const { code, out } = verifyCli(paths.bundle);
    expect(code).toBe(3);
    expect(out).toContain("WARNING: No --key given");
    expect(out).toContain("INTACT, AUTHENTICITY NOT CHECKED (pass --key)");
    expect(out).not.toMatch(/^VALID/m);
  });

  it("a bundle signed by any other key is never accepted by the exit code: 3 without --key, 1 with the portal's key", () => {
    expect(verifyCli(paths.forged).code).toBe(3);
    const withKey = verifyCli(paths.forged, "--key", key.document.publicKey);
    expect(withKey.code).toBe(1);
    expect(withKey.out).toContain(`does not verify with the key given (key id ${key.keyId})`);
  }, 60_000);

  it("a changed bundle checked without --key is invalid (1), not merely unauthenticated (3)", () => {
    const { code, out } = verifyCli(paths.tampered);
    expect(code).toBe(1);
    expect(out).toContain("INVALID: 1 problem(s)");
  });

  it("says INVALID, names the file and exits 1 when the bundle was changed", () => {
    const { code, out } = verifyCli(paths.tampered, "--key", key.document.publicKey);
    expect(code).toBe(1);
    expect(out).toContain("INVALID: 1 problem(s)");
    expect(out).toMatch(/ {2}- connectors\.json: does not match the manifest/);
  });

  it("exits 2 with a clear message for a missing file, a file that is not a ZIP, a bad key or no file", () => {
    expect(verifyCli(join(dir, "nope.zip"))).toMatchObject({ code: 2, err: expect.stringContaining("no such file") });
    expect(verifyCli(paths.text)).toMatchObject({ code: 2, err: expect.stringContaining(`${paths.text} is not a ZIP archive`) });
    expect(verifyCli(paths.bundle, "--key", "abc")).toMatchObject({
      code: 2,
      err: expect.stringContaining("--key: Give the public key as 32 bytes"),
    });
    expect(verifyCli()).toMatchObject({ code: 2, err: expect.stringContaining("Give the path of the bundle") });
    expect(verifyCli(paths.bundle, "--nope")).toMatchObject({ code: 2, err: expect.stringContaining("Unknown option '--nope'") });
  }, 60_000);
});
