// `npm run demo` with no database and no Redis, from a fresh clone inside a `mktemp -d` folder (as
// CI clones, and as a clone in a 700 home folder): the embedded PostgreSQL and BullMQ's PostgreSQL
// backend carry a request from the form to a download; Ctrl-C stops it all, and a second run keeps
// the data. As root, PostgreSQL runs as the postgres user, who cannot enter that folder.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import yauzl from "yauzl";
import { postgresUser, privateFolderFor, reachableBy } from "../scripts/dev/embedded-postgres-place.ts";
import { listEmails } from "../tests/support/mailbox.ts";
import { linkIn, waitForEmail } from "./support/fixtures.ts";

const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
const ports = { web: 3330 + offset, smtp: 2537 + offset, inbox: 2592 + offset, crm: 2594 + offset, pg: 54349 + offset };
const checkout = new URL("..", import.meta.url).pathname;

/**
 * A copy of this checkout in a fresh `mktemp -d` folder (mode 700): the sources with their times
 * (so the demo reuses the build), node_modules as hard links (same bytes, new paths), the build.
 */
function cloneIntoPrivateFolder(): { folder: string; clone: string } {
  const folder = mkdtempSync(join(tmpdir(), "dsar-clone-"));
  const clone = join(folder, "dsar-portal");
  const skipped = new Set([".git", "node_modules", ".data", "test-results", "playwright-report"]);
  cpSync(checkout, clone, {
    recursive: true,
    preserveTimestamps: true,
    filter: (source) => !skipped.has(source.slice(checkout.length).split("/")[0] as string),
  });
  const links = spawnSync("cp", ["-al", join(checkout, "node_modules"), join(clone, "node_modules")], { encoding: "utf8" });
  if (links.status !== 0) throw new Error(`could not link node_modules: ${links.stderr}`);
  return { folder, clone };
}

function startDemo(clone: string): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  let output = "";
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(ports.web),
    APP_URL: `http://127.0.0.1:${ports.web}`,
    DEMO_SMTP_PORT: String(ports.smtp),
    DEMO_INBOX_PORT: String(ports.inbox),
    DEMO_CRM_PORT: String(ports.crm),
    DEMO_PG_PORT: String(ports.pg),
    // Nothing listens there: the demo must fall back to queues on PostgreSQL.
    REDIS_URL: "redis://127.0.0.1:1",
    LOG_LEVEL: "warn",
  };
  const child = spawn("npm", ["run", "demo"], {
    cwd: clone,
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

async function zipEntries(path: string): Promise<string[]> {
  // Lazy entries: nothing is read before the listeners are in place.
  const zip = await yauzl.openPromise(path, { lazyEntries: true });
  const names: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  zip.close();
  return names;
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

test("the demo runs on an embedded database with no Redis, delivers a download from its sample sources, and keeps its data across runs", async ({
  page,
}) => {
  test.setTimeout(420_000);
  const { folder, clone } = cloneIntoPrivateFolder();
  const dataDir = join(clone, ".data");
  // As root the case CI meets: the postgres user cannot enter the folder the clone sits in.
  const asRoot = process.getuid?.() === 0;
  if (asRoot)
    expect(
      reachableBy(
        postgresUser(() => {}),
        folder,
      ),
    ).toBe(false);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  const clusterDir = asRoot ? join(privateFolderFor(join(dataDir, "postgres")), "data") : join(dataDir, "postgres");
  const started: ChildProcess[] = [];
  try {
    const first = startDemo(clone);
    started.push(first.child);
    await first.ready;
    // Nobody's folder was opened up to make it work (an earlier demo added o+rx to every parent).
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(first.output()).not.toContain("EACCES");
    expect(first.output()).toContain(`data in ${clusterDir}`);
    expect(first.output()).toContain("queues run on PostgreSQL");
    expect(first.output()).toContain(`http://localhost:${ports.inbox}`);

    // A request seeded as already confirmed gets its acknowledgement, never a "confirm your address" email.
    const seededTo = "oliver.smith@example.co.uk";
    await waitForEmail(`http://127.0.0.1:${ports.inbox}`, seededTo, (m) => /has received your request/.test(m.subject), 60_000);
    const seededSubjects = (await listEmails(`http://127.0.0.1:${ports.inbox}`, seededTo)).map((m) => m.subject);
    expect(seededSubjects.filter((subject) => /Confirm your email address/.test(subject))).toEqual([]);

    // A customer of the demo shop: the request goes all the way to a download (demo requests are auto-approved).
    const email = "camille.durand@example.com";
    await page.goto(`http://127.0.0.1:${ports.web}/en`);
    await page.getByRole("checkbox", { name: "Access", exact: true }).check();
    await page.getByLabel("Country where you live").selectOption("FR");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send my request" }).click();
    await expect(page).toHaveURL(/submitted/);
    const reference = (page.url().match(/ref=(DSR-[0-9A-Z-]+)/) as RegExpMatchArray)[1];
    const message = await waitForEmail(`http://127.0.0.1:${ports.inbox}`, email, (m) => m.text.includes(reference), 60_000);
    await page.goto(linkIn(message, "verify").replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${ports.web}`));
    await page.getByRole("button", { name: "Confirm my request" }).click();
    await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
    const statusUrl = linkIn(message, "status").replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${ports.web}`);

    const ready = await waitForEmail(
      `http://127.0.0.1:${ports.inbox}`,
      email,
      (m) => m.text.includes(reference) && /download/i.test(m.subject),
      90_000,
    );
    const downloadPage = (ready.text.match(/https?:\/\/\S+\/en\/download\/[A-Za-z0-9_-]+/) as RegExpMatchArray)[0];
    await page.goto(downloadPage.replace(/^https?:\/\/[^/]+/, `http://127.0.0.1:${ports.web}`));
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download my data (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${reference}.zip`);
    // The page is read again once the download is counted: it no longer offers the count from before.
    await expect(page.getByText(/4 more times/)).toBeVisible({ timeout: 10_000 });
    const zipPath = join(folder, "download.zip");
    await download.saveAs(zipPath);
    const listing = await zipEntries(zipPath);
    expect(listing).toEqual(
      expect.arrayContaining([
        "index.html",
        "manifest.json",
        "data/shop-db/customers.json",
        "data/shop-db/orders.csv",
        "data/crm/contacts.json",
      ]),
    );

    expect(await stopDemo(first.child)).toBe(true);
    const pidFile = join(clusterDir, "postmaster.pid");
    expect(existsSync(pidFile)).toBe(false);
    // Stopped in order: the database last, so nothing is cut off mid-query.
    expect(first.output()).toContain("Stopped. Your data is kept");
    expect(first.output()).not.toMatch(/terminating connection|unhandled|ECONNREFUSED/i);

    const second = startDemo(clone);
    started.push(second.child);
    await second.ready;
    await page.goto(statusUrl);
    await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible();
    // The answered access request: per source and category what the data map says, and the download.
    await expect(page.getByRole("heading", { name: "What we hold about you, and why" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your orders and invoices" })).toBeVisible();
    await expect(page.getByText("10 years from the end of the financial year of the invoice").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Download my data (ZIP)" })).toBeVisible();
    await page.goto(statusUrl.replace("/en/status/", "/fr/status/"));
    await expect(page.getByRole("heading", { name: "Vos commandes et factures" })).toBeVisible();
    expect(await stopDemo(second.child)).toBe(true);
    expect(existsSync(pidFile)).toBe(false);
    expect(second.output()).toContain("Stopped. Your data is kept");
  } finally {
    // A failed run must not leave a demo behind on these ports.
    for (const child of started) if (child.exitCode === null && child.signalCode === null) await stopDemo(child).catch(() => {});
    rmSync(folder, { recursive: true, force: true });
    if (asRoot) rmSync(privateFolderFor(join(dataDir, "postgres")), { recursive: true, force: true });
  }
});
