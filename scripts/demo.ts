// The whole portal on one machine with demo data: PostgreSQL (yours or an embedded one),
// Redis when one answers (else BullMQ's PostgreSQL backend), a mail catcher with a web inbox,
// migrations, seed, a production build, the web app and the workers. Ctrl-C stops it all.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { databaseAnswers } from "./dev/database-answers.ts";
import { startDemoCrm } from "./dev/demo-crm.ts";
import { ensureDemoShop } from "./dev/demo-shop.ts";
import { startMailCatcher } from "./dev/mail-catcher.ts";
import { prettyLogLine } from "./dev/pretty-log-line.ts";
import { sourceStamp } from "./dev/source-stamp.ts";
import { applyMigrations } from "./migrations/schema-engine.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dataDir = process.env.DEMO_DATA_DIR ?? join(root, ".data");
const firstSignInFile = join(dataDir, "first-sign-in.txt");
const log = (line: string) => console.log(`[demo] ${line}`);

function fail(message: string): never {
  console.error(`\n[demo] ${message}\n`);
  process.exit(1);
}

type DemoSecrets = { encryptionKey: string; databasePassword: string; crmSecret: string };

function demoSecrets(): DemoSecrets {
  const file = join(dataDir, "demo-secrets.json");
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DemoSecrets>) : {};
  if (existing.encryptionKey && existing.databasePassword && existing.crmSecret) return existing as DemoSecrets;
  const secrets = {
    encryptionKey: existing.encryptionKey ?? randomBytes(32).toString("base64"),
    databasePassword: existing.databasePassword ?? randomBytes(18).toString("base64url"),
    crmSecret: randomBytes(24).toString("hex"),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** The embedded PostgreSQL in its own process group (see scripts/dev/embedded-database-server.ts). */
async function startEmbeddedDatabaseProcess(options: { dataDir: string; port: number; password: string }) {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "dev", "embedded-database-server.ts")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DEMO_DB_DIR: options.dataDir,
      DEMO_DB_PORT: String(options.port),
      DEMO_DB_PASSWORD: options.password,
      DEMO_DB_NAME: "dsar",
    },
  });
  const started = await new Promise<{ url: string; dataDir: string }>((resolve, reject) => {
    let buffered = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as { url: string; dataDir: string });
    });
    child.once("exit", (code) => reject(new Error(`it exited with code ${code}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  return { ...started, stop };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) fail("The web app stopped while starting: see its messages above.");
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`The web app did not answer at ${url} within ${timeoutMs / 1000} s.`);
}

async function main() {
  const secrets = demoSecrets();
  const port = Number(process.env.PORT ?? 3000);
  const smtpPort = Number(process.env.DEMO_SMTP_PORT ?? 1025);
  const inboxPort = Number(process.env.DEMO_INBOX_PORT ?? 1080);
  const crmPort = Number(process.env.DEMO_CRM_PORT ?? 1090);
  const pgPort = Number(process.env.DEMO_PG_PORT ?? 54329);
  for (const [name, p] of [
    ["web app (PORT)", port],
    ["mail catcher SMTP (DEMO_SMTP_PORT)", smtpPort],
    ["web inbox (DEMO_INBOX_PORT)", inboxPort],
    ["demo CRM (DEMO_CRM_PORT)", crmPort],
  ] as const) {
    if (!(await portFree(p)))
      fail(
        `Port ${p} for the ${name} is in use. Stop what uses it, or choose another port: e.g. ${name.match(/\((\w+)\)/)?.[1]}=${p + 1} npm run demo`,
      );
  }

  const cleanups: Array<() => Promise<void>> = [];
  let databaseUrl = process.env.DATABASE_URL;
  let databaseDir: string | undefined;
  if (databaseUrl && (await databaseAnswers(databaseUrl))) {
    log(`Using the PostgreSQL at DATABASE_URL.`);
  } else {
    if (databaseUrl) log("DATABASE_URL does not answer: starting the embedded PostgreSQL instead.");
    if (!(await portFree(pgPort))) fail(`Port ${pgPort} for the embedded PostgreSQL is in use: set DEMO_PG_PORT to a free port.`);
    try {
      const embedded = await startEmbeddedDatabaseProcess({
        dataDir: join(dataDir, "postgres"),
        port: pgPort,
        password: secrets.databasePassword,
      });
      // Stopped last: the web app and the workers must be done with it first.
      cleanups.push(embedded.stop);
      databaseUrl = embedded.url;
      databaseDir = embedded.dataDir;
      log(`Embedded PostgreSQL running on 127.0.0.1:${pgPort} (data in ${databaseDir}).`);
    } catch (error) {
      fail(
        `The embedded PostgreSQL did not start: ${error instanceof Error ? error.message : error}\nSet DATABASE_URL to a PostgreSQL 14+ server instead.`,
      );
    }
  }

  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const useRedis = await redisAnswers(redisUrl);
  log(
    useRedis
      ? `Queues on Redis at ${redisUrl}.`
      : "No Redis answers: queues run on PostgreSQL (BullMQ's PostgreSQL backend, schema bullmq).",
  );

  // The web inbox keeps its mail in the demo's data folder, so a restart does not lose a link.
  const catcher = await startMailCatcher({ smtpPort, httpPort: inboxPort, storeFile: join(dataDir, "inbox.json") });
  cleanups.unshift(() => catcher.close());
  const crm = await startDemoCrm({ port: crmPort, secret: secrets.crmSecret });
  cleanups.unshift(() => crm.close());

  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    // The seed writes the staff accounts' one-time passwords here; the banner prints them.
    DEMO_FIRST_SIGN_IN_FILE: firstSignInFile,
    // Help texts of the operator commands name the command as the demo runs it.
    DSAR_ADMIN_COMMAND: "npm run demo:admin --",
    DATABASE_URL: databaseUrl,
    QUEUE_BACKEND: useRedis ? "redis" : "postgres",
    ...(useRedis ? { REDIS_URL: redisUrl } : {}),
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}?tls=off`,
    // The demo's company is the controller its connectors file describes (demo-connectors.yaml).
    COMPANY_NAME: process.env.COMPANY_NAME ?? "Maison Lumière",
    MAIL_FROM: process.env.MAIL_FROM ?? "Maison Lumière, protection des données <privacy@maison-lumiere.example>",
    APP_URL: appUrl,
    PORT: String(port),
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? secrets.encryptionKey,
    STORAGE_DIR: process.env.STORAGE_DIR ?? join(dataDir, "storage"),
    // Access and portability requests go all the way to the person's inbox without a staff member;
    // erasures and corrections wait for a decision in the staff workspace.
    AUTO_APPROVE_RIGHTS: process.env.AUTO_APPROVE_RIGHTS ?? "access,portability",
    // The demo CRM (an http connector) listens on loopback, which connectors may call only when listed.
    CONNECTOR_ALLOWED_HOSTS: process.env.CONNECTOR_ALLOWED_HOSTS ?? "127.0.0.1",
  };
  Object.assign(process.env, childEnv);
  // The operator commands of `npm run demo:admin` run against this same demo.
  const shared = [
    "DATABASE_URL",
    "QUEUE_BACKEND",
    "REDIS_URL",
    "SMTP_URL",
    "MAIL_FROM",
    "APP_URL",
    "ENCRYPTION_KEY",
    "STORAGE_DIR",
    "CONNECTOR_ALLOWED_HOSTS",
    "DSAR_ADMIN_COMMAND",
  ];
  writeFileSync(
    join(dataDir, "demo.env"),
    shared
      .filter((k) => childEnv[k])
      .map((k) => `${k}=${JSON.stringify(childEnv[k])}`)
      .join("\n") + "\n",
    { mode: 0o600 },
  );

  log("Applying migrations…");
  const applied = await applyMigrations(databaseUrl as string);
  log(applied.length ? `Applied ${applied.join(", ")}.` : "The database schema is up to date.");

  log("Seeding demo data…");
  const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: root, env: childEnv, stdio: "inherit" });
  if (seed.status !== 0) fail("Seeding failed: see the messages above.");

  log("Preparing the sample shop database and the demo data sources…");
  const adminUrl = new URL(databaseUrl as string);
  adminUrl.pathname = "/postgres";
  const shopUrl = await ensureDemoShop(adminUrl.toString(), "demo_shop", 300);
  const connectors = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/admin.ts", "apply-connectors", "scripts/dev/demo-connectors.yaml"],
    {
      cwd: root,
      env: { ...childEnv, DEMO_SHOP_DATABASE_URL: shopUrl, DEMO_CRM_URL: crm.url, DEMO_CRM_SECRET: secrets.crmSecret },
      stdio: "inherit",
    },
  );
  if (connectors.status !== 0) fail("The demo data sources could not be set up: see the messages above.");

  const stampFile = join(root, ".next", "demo-source-stamp");
  const stamp = sourceStamp(root);
  if (!existsSync(join(root, ".next", "BUILD_ID")) || !existsSync(stampFile) || readFileSync(stampFile, "utf8") !== stamp) {
    log("Building the web app (first run or sources changed; about a minute)…");
    // The test suite type-checks the sources; the demo's build skips that step (about 45 s).
    const build = spawnSync("npm", ["run", "build"], { cwd: root, env: { ...childEnv, DSAR_BUILD_SKIP_TYPECHECK: "1" }, stdio: "inherit" });
    if (build.status !== 0) fail("The build failed: see the messages above.");
  }

  const children: ChildProcess[] = [];
  const web = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "web-server.ts"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const workers = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    cwd: root,
    env: { ...childEnv, DSAR_SERVICE: "workers" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(web, workers);
  // Their JSON logs, as lines a person reads.
  for (const child of children) {
    if (child.stdout) createInterface({ input: child.stdout }).on("line", (line) => console.log(prettyLogLine(line)));
    if (child.stderr) createInterface({ input: child.stderr }).on("line", (line) => console.error(prettyLogLine(line)));
  }

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    // A process that has not finished within 20 s is stopped hard, so Ctrl-C always ends the demo.
    const hardStop = setTimeout(() => {
      for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    }, 20_000);
    await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once("exit", r)))));
    clearTimeout(hardStop);
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    log(
      `Stopped. Your data is kept in ${dataDir}${databaseDir && !databaseDir.startsWith(dataDir) ? ` and ${databaseDir}` : ""} for the next run.`,
    );
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  workers.on("exit", (code) => {
    if (!stopping) {
      console.error(`[demo] The workers stopped (exit ${code}).`);
      void stop(1);
    }
  });

  await waitForHealth(`http://127.0.0.1:${port}`, web);
  console.log(`
  The portal is running.

    Portal (file a request):  ${appUrl}
    Staff workspace:          ${appUrl}/staff
    Web inbox (demo emails):  http://localhost:${inboxPort}
    Health:                   ${appUrl}/api/v1/health

${firstSignInText()}
  At first sign-in each account chooses its own password; admins also set up two-factor
  (an authenticator app). A forgotten password:
    npm run demo:admin -- reset-password --email agent@example.com

  Data sources: a sample shop database (demo_shop, 300 customers), a CRM that answers
  through a callback, and a paper archive handled by hand. New access and portability
  requests are approved automatically once the person confirms their email; erasures and
  corrections wait for staff. The sample requests already in the list wait for staff too,
  so every decision can be tried. Operator commands:
    npm run demo:admin -- help

  Database: ${databaseDir ? `embedded PostgreSQL (${databaseDir})` : "DATABASE_URL"} · Queues: ${useRedis ? "Redis" : "PostgreSQL"}
  Press Ctrl-C to stop.
`);
}

/** The one-time passwords the seed wrote (first run only), printed where they cannot scroll away. */
function firstSignInText(): string {
  const accounts = "  Staff accounts: admin@example.com, agent@example.com, auditor@example.com.";
  if (!existsSync(firstSignInFile)) return accounts;
  const lines = readFileSync(firstSignInFile, "utf8").trim().split("\n");
  return `${accounts} One-time passwords
  for the first sign-in (also in ${firstSignInFile}; they stop working once changed):
${lines.map((line) => `    ${line}`).join("\n")}`;
}

main().catch((error) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
