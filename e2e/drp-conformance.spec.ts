// The fixed interfaces against the built stack: OSIRAA, the Data Rights Protocol's reference agent,
// run by its offline kit (../shared/tools/osiraa/run.sh) at {APP_URL}/api/drp with no MUST or SHOULD
// failure, after an operator trusted it with `npm run admin -- add-drp-agent`; list-drp-agents and
// disable-drp-agent; an `integration` key from create-api-key posting an opt-out; /.well-known/gpc.json.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { hardLevels, osiraaAgent, osiraaKitDir } from "../tests/support/osiraa-kit.ts";
import { runAdmin } from "./support/admin-cli.ts";
import { uniqueEmail } from "./support/fixtures.ts";
import { e2ePorts, e2eStateFile } from "./support/ports.ts";

const kitDir = osiraaKitDir;
type Check = { verdict: string; level: string; step: string; name: string };

test("OSIRAA, trusted with add-drp-agent, passes every MUST and SHOULD check against the stack", async () => {
  test.setTimeout(360_000);
  expect(existsSync(join(kitDir, "run.sh")), `the OSIRAA conformance kit is not at ${kitDir} (set OSIRAA_KIT_DIR)`).toBe(true);
  const { env } = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { env: Record<string, string> };
  expect(runAdmin(["add-drp-agent", "--id", osiraaAgent.id, "--verify-key", osiraaAgent.verifyKey, "--name", "OSIRAA kit"])).toContain(
    osiraaAgent.id,
  );
  expect(runAdmin(["list-drp-agents"])).toMatch(new RegExp(`${osiraaAgent.id}\\s+active`));
  const stateDir = mkdtempSync(join(tmpdir(), "drp-kit-e2e-"));
  try {
    const output = join(stateDir, "results.json");
    const args = ["--base-url", `http://127.0.0.1:${e2ePorts.web}/api/drp`, "--business-id", env.DRP_BUSINESS_ID];
    args.push("--actions", "access,deletion,sale:opt-out", "--regimes", "ccpa,voluntary", "--verifications", "email", "--json", output);
    const log = await new Promise<string>((resolve) => {
      execFile(
        join(kitDir, "run.sh"),
        args,
        { env: { ...process.env, KIT_STATE_DIR: stateDir, OSIRAA_DB: `osiraa_kit_e2e_${process.pid}` }, maxBuffer: 16 << 20 },
        (_error, stdout, stderr) => resolve(`${stdout}\n${stderr}`),
      );
    });
    expect(existsSync(output), `the kit wrote no results:\n${log.slice(-3000)}`).toBe(true);
    const checks = (JSON.parse(readFileSync(output, "utf8")) as { checks: Check[] }).checks;
    const hard = checks.filter((c) => c.verdict === "FAIL" && hardLevels.has(c.level));
    expect(hard, log.slice(-4000)).toEqual([]);
    // It did file, read and revoke, and the stack's workers called it back.
    expect(checks.filter((c) => c.verdict === "PASS" && c.level === "MUST").length).toBeGreaterThan(20);
    expect(checks.some((c) => c.step.startsWith("callback") && c.verdict === "PASS")).toBe(true);
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
  expect(runAdmin(["disable-drp-agent", "--id", osiraaAgent.id])).toContain(`Disabled: agent ${osiraaAgent.id}`);
  expect(runAdmin(["list-drp-agents"])).toMatch(new RegExp(`${osiraaAgent.id}\\s+disabled`));
});

test("an integration key made with create-api-key records an opt-out: 202 with its reference and status", async ({ request }) => {
  const printed = runAdmin(["create-api-key", "--role", "integration", "--name", "Shop GPC relay"]);
  expect(printed).toContain("(integration)");
  const key = /Key: (\S+)/.exec(printed)?.[1] as string;
  const answer = await request.post("/api/v1/opt-outs", {
    headers: { authorization: `Bearer ${key}` },
    data: { email: uniqueEmail("gpc"), signal: "gpc", observedAt: "2026-02-01T10:00:00Z" },
  });
  expect(answer.status()).toBe(202);
  expect(await answer.json()).toMatchObject({ reference: expect.stringMatching(/^DSR-/), status: expect.any(String) });
  // The key opens nothing else.
  expect((await request.get("/api/v1/requests", { headers: { authorization: `Bearer ${key}` } })).status()).toBe(403);
});

test("GET /.well-known/gpc.json says the portal honours GPC", async ({ request }) => {
  const answer = await request.get("/.well-known/gpc.json");
  expect(answer.status()).toBe(200);
  const body = await answer.json();
  expect(body).toEqual({ gpc: true, lastUpdate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
});
