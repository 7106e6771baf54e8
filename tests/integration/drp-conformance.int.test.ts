// DRP 1.0 conformance: OSIRAA, the protocol's reference authorized agent, run by its offline kit
// against the portal's DRP route handlers over HTTP (status callbacks through the real queue).
// No MUST or SHOULD check may fail; MAY/OSIRAA/PORTABLE failures are OSIRAA's own advisories.
// The kit is found by tests/support/osiraa-kit.ts.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { addDrpAgent } from "../../lib/drp/add-drp-agent.ts";
import { env } from "../../lib/env.ts";
import { startDrpServer } from "../support/drp-server.ts";
import { hardLevels, osiraaAgent, osiraaKitDir } from "../support/osiraa-kit.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

const kitDir = osiraaKitDir;

let server: Awaited<ReturnType<typeof startDrpServer>>;
const stateDir = mkdtempSync(join(tmpdir(), "drp-kit-"));

runWorkersDuringTests();

beforeAll(async () => {
  server = await startDrpServer();
  await addDrpAgent({ ...osiraaAgent, name: "OSIRAA conformance kit" }, { type: "SYSTEM", id: "test" });
});
afterAll(async () => {
  await server?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

type Check = { verdict: string; level: string; source: string; step: string; name: string; note?: string };

it("passes every MUST and SHOULD check of the OSIRAA conformance kit", { timeout: 360_000 }, async () => {
  expect(existsSync(join(kitDir, "run.sh")), `the OSIRAA conformance kit is not at ${kitDir} (set OSIRAA_KIT_DIR)`).toBe(true);
  const output = join(stateDir, "results.json");
  const args = ["--base-url", server.baseUrl, "--business-id", env().DRP_BUSINESS_ID as string];
  args.push("--actions", "access,deletion,sale:opt-out", "--regimes", "ccpa,voluntary", "--verifications", "email", "--json", output);
  const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      join(kitDir, "run.sh"),
      args,
      {
        env: { ...process.env, KIT_STATE_DIR: stateDir, OSIRAA_DB: `osiraa_kit_${process.pid}`, KIT_TIMEOUT: "300" },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: `${stdout}\n${stderr}` }),
    );
  });
  expect(existsSync(output), `the kit wrote no results:\n${run.stdout.slice(-3000)}`).toBe(true);
  const checks = (JSON.parse(readFileSync(output, "utf8")) as { checks: Check[] }).checks;
  const hardFailures = checks.filter((check) => check.verdict === "FAIL" && hardLevels.has(check.level));
  expect(hardFailures, run.stdout.slice(-4000)).toEqual([]);
  // The kit did exercise the API: requests were filed, read and revoked, and a callback came back.
  expect(checks.filter((check) => check.verdict === "PASS" && check.level === "MUST").length).toBeGreaterThan(20);
  expect(checks.some((check) => check.step.startsWith("callback") && check.verdict === "PASS")).toBe(true);
});
