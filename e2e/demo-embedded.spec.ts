// `npm run demo` with no database and no Redis: the embedded PostgreSQL and BullMQ's PostgreSQL
// backend carry a request from the form to a verified status; Ctrl-C stops it all, and a second
// run keeps the data.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { linkIn, uniqueEmail, waitForEmail } from "./support/fixtures.ts";

const ports = { web: 3330, smtp: 2537, inbox: 2592, pg: 54349 };
const root = new URL("..", import.meta.url).pathname;

function startDemo(dataDir: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  let output = "";
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DEMO_DATA_DIR: dataDir,
    PORT: String(ports.web),
    APP_URL: `http://127.0.0.1:${ports.web}`,
    DEMO_SMTP_PORT: String(ports.smtp),
    DEMO_INBOX_PORT: String(ports.inbox),
    DEMO_PG_PORT: String(ports.pg),
    // Nothing listens there: the demo must fall back to queues on PostgreSQL.
    REDIS_URL: "redis://127.0.0.1:1",
    LOG_LEVEL: "warn",
  };
  const child = spawn("npm", ["run", "demo"], {
    cwd: root,
    env: env as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("The portal is running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`demo exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, output: () => output, ready };
}

/** Ctrl-C as in a terminal (the whole process group); true when it ended cleanly. */
async function stopDemo(child: ChildProcess): Promise<boolean> {
  const exited = new Promise<boolean>((resolve) =>
    // npm ends itself with the signal once its child has exited; the demo itself exits 0.
    child.once("exit", (code, signal) => resolve(code === 0 || signal === "SIGINT")),
  );
  process.kill(-(child.pid as number), "SIGINT");
  return exited;
}

test("the demo runs on an embedded database with no Redis, and keeps its data across runs", async ({ page }) => {
  test.setTimeout(360_000);
  const dataDir = mkdtempSync(join(tmpdir(), "dsar-demo-"));
  try {
    const first = startDemo(dataDir);
    await first.ready;
    expect(first.output()).toContain("queues run on PostgreSQL");
    expect(first.output()).toContain(`http://localhost:${ports.inbox}`);

    const email = uniqueEmail("demo");
    await page.goto(`http://127.0.0.1:${ports.web}/en`);
    await page.getByRole("checkbox", { name: "Access", exact: true }).check();
    await page.getByLabel("Country where you live").selectOption("FR");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page).toHaveURL(/submitted/);
    const message = await waitForEmail(`http://127.0.0.1:${ports.inbox}`, email, () => true, 60_000);
    await page.goto(linkIn(message, "verify").replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${ports.web}`));
    await page.getByRole("button", { name: "Confirm my request" }).click();
    await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
    const statusUrl = linkIn(message, "status").replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${ports.web}`);

    expect(await stopDemo(first.child)).toBe(true);
    const pidFile = join(dataDir, "postgres", "postmaster.pid");
    expect(existsSync(pidFile)).toBe(false);
    // Stopped in order: the database last, so nothing is cut off mid-query.
    expect(first.output()).toContain("Stopped. Your data is kept");
    expect(first.output()).not.toMatch(/terminating connection|unhandled|ECONNREFUSED/i);

    const second = startDemo(dataDir);
    await second.ready;
    await page.goto(statusUrl);
    await expect(page.getByText("Received and confirmed").first()).toBeVisible();
    expect(await stopDemo(second.child)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
    expect(second.output()).toContain("Stopped. Your data is kept");
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
