// SIGTERM to the web app (`next start`, the build under test) while people file requests: each
// call it had taken is answered, any other is refused before anything is written, and the
// database holds exactly the requests that were answered 202, each with its confirmation email.
// A web app of its own on a free port, against the end-to-end stack's database and Redis.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { freePort } from "../tests/support/private-services.ts";
import { sql, uniqueEmail } from "./support/fixtures.ts";
import { e2eStateFile } from "./support/ports.ts";

const root = new URL("..", import.meta.url).pathname;
let webOutput = "";

async function startWebApp(port: number): Promise<ChildProcess> {
  const { env } = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { env: Record<string, string> };
  const child = spawn(process.execPath, [`${root}node_modules/next/dist/bin/next`, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), RATE_LIMIT_PER_IP_PER_HOUR: "10000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    webOutput += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    webOutput += chunk.toString();
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web app exited (${child.exitCode}) while starting`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return child;
    if (Date.now() > deadline) throw new Error("the web app did not start within 90 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("SIGTERM to the web app under load answers what it took, refuses the rest cleanly, and writes nothing half-way", async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  const web = await startWebApp(port);
  try {
    const emails = Array.from({ length: 40 }, (_, i) => uniqueEmail(`sigterm-web-${i}`));
    let firstAnswer!: () => void;
    const answered = new Promise<void>((resolve) => {
      firstAnswer = resolve;
    });
    const file = (email: string) =>
      fetch(`http://127.0.0.1:${port}/api/v1/requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "access", email, country: "FR" }),
      }).then(
        async (response) => {
          firstAnswer();
          return { email, status: response.status, body: (await response.json()) as { reference?: string } };
        },
        (error: Error) => ({ email, status: 0, body: {} as { reference?: string }, error }),
      );
    const calls = emails.slice(0, 30).map(file);
    // Terminated while the others are still being handled; ten more people try meanwhile.
    await answered;
    const exited = once(web, "exit");
    web.kill("SIGTERM");
    calls.push(...emails.slice(30).map(file));
    const results = await Promise.all(calls);
    const [code] = (await exited) as [number | null];
    expect(code).toBe(143); // Next's own clean exit on SIGTERM, after closing the server

    // Every call either got a whole answer or none; no server error.
    expect(
      results.filter((result) => result.status !== 0 && result.status !== 202),
      webOutput,
    ).toEqual([]);
    const accepted = results.filter((result) => result.status === 202);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    console.info(`SIGTERM under load: ${accepted.length} of ${results.length} calls answered 202, the others refused`);
    // The database holds exactly the requests answered 202, each with its one email row.
    const rows = await sql<{ email: string; reference: string; emails: number }>(
      `SELECT r.email, r.reference, (SELECT count(*)::int FROM email_messages m WHERE m."requestId" = r.id) AS emails
         FROM requests r WHERE r.email = ANY($1::text[])`,
      [emails],
    );
    expect(rows.map((row) => row.reference).sort()).toEqual(accepted.map((result) => result.body.reference).sort());
    expect(rows.filter((row) => row.emails !== 1)).toEqual([]);
  } finally {
    if (web.exitCode === null && web.signalCode === null) web.kill("SIGKILL");
  }
});
