/**
 * Intake under load: `POST /api/v1/requests` with 200 concurrent clients for 30 s, half of them
 * sending Idempotency-Keys (a quarter a fresh key per call, a quarter one of 20 shared keys with
 * the same body, so replays and concurrent duplicates), through the real route handler served by a
 * plain Node HTTP server in a child process, with the socket address passed as scripts/web-server.ts
 * does. Next to it, the floor: the same clients against a bare Node HTTP server that does one
 * INSERT of the same request row per call with `pg` (same pool size). Prints calls/s, p50/p99
 * latency and the answers by status for both; any answer ≥ 500 is an error. Its own database
 * (queues on its PostgreSQL backend too), dropped at the end; loopback only.
 *
 * With --rate N the load is open: a call starts every 1/N s whatever the answers (the latency a
 * steady stream of N filings a second sees), instead of --clients callers each waiting for its answer.
 * Each server reports the CPU it used, so the figures include CPU per call. The last lines are the
 * suite's `name: value unit` lines (bench/README.md).
 *
 *   npx tsx bench/intake/run.ts [--clients 200] [--seconds 30] [--pool 10] [--rate 50]
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Agent, createServer, request as httpRequest, type IncomingMessage } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

/** First figures recorded for this benchmark (see README.md). */
const BASELINE = {
  figures: "23 calls/s beside a floor of 614 (p50 7.6 s, p99 14.2 s, 0 errors ≥ 500; 200 clients, 30 s, pool 10)",
  recorded: "first run, 2026-12-07, 2 cores shared with other work (load average ~16), Node 20, PostgreSQL 15 on the same machine",
};

const { values: cli } = parseArgs({
  options: {
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "30" },
    pool: { type: "string", default: "10" },
    rate: { type: "string" },
    serve: { type: "string" },
    database: { type: "string" },
  },
});

const SHARED_KEYS = 20;

if (cli.serve) await serve(cli.serve, cli.database as string);
else await main();

// --- the servers (child process) ------------------------------------------------------------

async function serve(kind: string, databaseUrl: string): Promise<void> {
  const { testEnv } = await import("../../tests/support/test-env.ts");
  Object.assign(
    process.env,
    testEnv({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: cli.pool as string,
      SMTP_URL: "smtp://127.0.0.1:1?tls=off",
      QUEUE_BACKEND: "postgres",
      NODE_ENV: "production",
      LOG_LEVEL: "error",
      RATE_LIMIT_PER_IP_PER_HOUR: "100000000",
      RATE_LIMIT_PER_EMAIL_PER_DAY: "100000000",
    }),
  );
  const handle = kind === "app" ? await appHandler() : await floorHandler(databaseUrl, Number(cli.pool));
  const server = createServer(async (incoming, outgoing) => {
    try {
      const response = await handle(incoming);
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      outgoing.writeHead(500).end(String(error));
    }
  });
  server.keepAliveTimeout = 60_000;
  // CPU is counted from here: the imports and compilation at start-up are not the calls' cost.
  const started = process.cpuUsage();
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 })}\n`);
  });
  process.on("SIGTERM", () => {
    const used = process.cpuUsage(started);
    process.stdout.write(`${JSON.stringify({ cpuMicros: used.user + used.system })}\n`, () => process.exit(0));
  });
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function appHandler(): Promise<(incoming: IncomingMessage) => Promise<Response>> {
  const { POST } = await import("../../app/api/v1/requests/route.ts");
  const { SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } = await import("../../lib/http/client-address.ts");
  trustSocketAddressHeader();
  return async (incoming) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
    headers.set(SOCKET_ADDRESS_HEADER, incoming.socket.remoteAddress ?? "");
    const body = await readBody(incoming);
    return POST(new Request(`http://127.0.0.1${incoming.url}`, { method: "POST", headers, body }));
  };
}

async function floorHandler(databaseUrl: string, pool: number): Promise<(incoming: IncomingMessage) => Promise<Response>> {
  const pg = (await import("pg")).default;
  const { emailHash, randomReference } = await import("../../lib/crypto.ts");
  const clients = new pg.Pool({ connectionString: databaseUrl, max: pool });
  return async (incoming) => {
    const person = JSON.parse(await readBody(incoming)) as { email: string; country: string; fullName: string };
    const reference = randomReference();
    await clients.query(
      `INSERT INTO requests (id, reference, "submissionId", type, status, channel, email, "emailHash", "fullName", country,
         jurisdiction, "timeZone", "holidayRegion", "verifyBy", "dueDate", "updatedAt")
       VALUES ($1, $2, $3, 'ACCESS', 'SUBMITTED', 'API', $4, $5, $6, $7, 'EU_GDPR', 'Europe/Paris', 'FR', now() + interval '7 days', current_date + 30, now())`,
      [randomUUID(), reference, randomUUID(), person.email, emailHash(person.email), person.fullName, person.country],
    );
    return Response.json({ reference, status: "submitted" }, { status: 202 });
  };
}

// --- the load (parent process) -----------------------------------------------------------------

type Outcome = {
  calls: number;
  seconds: number;
  statuses: Map<number, number>;
  latencies: number[];
  mismatchedReplays: number;
  firstError?: string;
  /** CPU the server process used, warm-up included (µs). */
  cpuMicros?: number;
};

async function main(): Promise<void> {
  const { createTestDatabase } = await import("../../tests/support/test-database.ts");
  const database = await createTestDatabase("bench_intake");
  const children: ChildProcess[] = [];
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  };
  const guard = setTimeout(
    () => {
      console.error("bench/intake: took too long, stopping");
      stopAll();
      void database.drop().finally(() => process.exit(2));
    },
    (Number(cli.seconds) * 2 + 180) * 1000,
  );
  try {
    const floor = await run("floor", database.url, children);
    const app = await run("app", database.url, children);
    print(floor, app);
  } finally {
    clearTimeout(guard);
    stopAll();
    await database.drop();
  }
}

async function run(kind: "floor" | "app", databaseUrl: string, children: ChildProcess[]): Promise<Outcome> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []),
      "--import",
      "tsx",
      script,
      "--serve",
      kind,
      "--database",
      databaseUrl,
      "--pool",
      cli.pool as string,
    ],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  children.push(child);
  let reportCpu: (micros: number) => void = () => {};
  const cpuReported = new Promise<number | undefined>((resolve) => {
    reportCpu = resolve;
    child.once("exit", () => resolve(undefined));
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk) => {
      buffer += chunk;
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        // The server's first line is its port, its last the CPU it used; anything else is its log (errors only).
        if (line.startsWith('{"port"')) resolve(JSON.parse(line).port);
        else if (line.startsWith('{"cpuMicros"')) reportCpu(JSON.parse(line).cpuMicros);
        else if (line) process.stderr.write(`${kind} server: ${line}\n`);
      }
    });
    child.once("exit", (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  // Warm up (modules loaded, connections opened) before measuring.
  const warmUp = new Agent({ keepAlive: true });
  for (let i = 0; i < 20; i++) {
    await post(
      port,
      warmUp,
      JSON.stringify({ type: "access", email: `warm${i}-${kind}@bench.test`, country: "FR", fullName: "Bench Person" }),
      null,
    );
  }
  warmUp.destroy();
  const outcome = await load(port, kind);
  child.kill("SIGTERM");
  return { ...outcome, cpuMicros: await cpuReported };
}

async function load(port: number, label: string): Promise<Outcome> {
  const clients = Number(cli.clients);
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const statuses = new Map<number, number>();
  const latencies: number[] = [];
  const sharedAnswers = new Map<string, string>();
  let mismatchedReplays = 0;
  let calls = 0;
  let firstError: string | undefined;
  const run = randomUUID().slice(0, 8);
  const started = performance.now();
  const until = started + Number(cli.seconds) * 1000;
  const rate = Number(cli.rate ?? 0);
  // Open load: call i starts at i/rate s (as client i mod clients, for the mix of keys), answered or not.
  const starts = (client: number) =>
    rate > 0 ? Array.from({ length: Math.floor(rate * Number(cli.seconds)) }, (_, i) => i).filter((i) => i % clients === client) : null;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      const scheduled = starts(client);
      for (let i = 0; scheduled ? i < scheduled.length : performance.now() < until; i++) {
        if (scheduled) {
          const at = started + (scheduled[i] * 1000) / rate;
          if (at > performance.now()) await new Promise((resolve) => setTimeout(resolve, at - performance.now()));
        }
        // Clients 0–49 %: no key; 50–74 %: a fresh key per call; 75–100 %: one of 20 shared keys.
        const share = client / clients;
        const shared = share >= 0.75 ? `shared-${run}-${(client + i) % SHARED_KEYS}` : null;
        const email = shared ? `${shared}@bench.test` : `c${client}-${i}-${label}-${run}@bench.test`;
        const key = shared ?? (share >= 0.5 ? `k-${run}-${client}-${i}` : null);
        const body = JSON.stringify({ type: "access", email, country: "FR", fullName: "Bench Person" });
        const t0 = performance.now();
        const { status, text } = await post(port, agent, body, key);
        latencies.push(performance.now() - t0);
        calls++;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) firstError ??= text.slice(0, 300);
        if (shared && status === 202) {
          const reference = JSON.parse(text).reference as string;
          const first = sharedAnswers.get(shared);
          if (first === undefined) sharedAnswers.set(shared, reference);
          else if (first !== reference && label === "app") mismatchedReplays++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { calls, seconds, statuses, latencies, mismatchedReplays, firstError };
}

function post(port: number, agent: Agent, body: string, key: string | null): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/requests",
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          ...(key ? { "idempotency-key": key } : {}),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    // A connection error counts as a 599 (an error ≥ 500).
    req.on("error", () => resolve({ status: 599, text: "" }));
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

function print(floor: Outcome, app: Outcome): void {
  const row = (name: string, o: Outcome) => {
    const sorted = [...o.latencies].sort((a, b) => a - b);
    const errors = [...o.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
    const statuses = [...o.statuses]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(" ");
    return `| ${name} | ${o.calls} | ${(o.calls / o.seconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | ${errors} | ${statuses} |`;
  };
  const load = cli.rate ? `${cli.rate} calls/s offered (open load)` : `${cli.clients} clients`;
  console.log(`\n${load}, ${cli.seconds} s each, pool ${cli.pool}\n`);
  console.log("| server | calls | calls/s | p50 ms | p99 ms | errors ≥ 500 | answers |");
  console.log("| ------ | ----- | ------- | ------ | ------ | ------------ | ------- |");
  console.log(row("floor: bare HTTP + one INSERT", floor));
  console.log(row("POST /api/v1/requests", app));
  for (const [name, o] of [
    ["floor", floor],
    ["app", app],
  ] as const)
    if (o.firstError) console.log(`first error (${name}): ${o.firstError}`);
  console.log(`\nratio app/floor: ${(app.calls / app.seconds / (floor.calls / floor.seconds)).toFixed(2)}`);
  console.log(`shared keys answered with another reference than their first: ${app.mismatchedReplays}`);
  console.log(`baseline: ${BASELINE.figures} (${BASELINE.recorded})`);
  // The suite's lines (bench/README.md).
  for (const [name, o] of [
    ["floor", floor],
    ["intake", app],
  ] as const) {
    const sorted = [...o.latencies].sort((a, b) => a - b);
    console.log(`${name} calls/s: ${(o.calls / o.seconds).toFixed(1)} calls/s`);
    console.log(`${name} p50: ${percentile(sorted, 50).toFixed(1)} ms`);
    console.log(`${name} p99: ${percentile(sorted, 99).toFixed(1)} ms`);
    console.log(`${name} errors: ${[...o.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0)} calls`);
    if (o.cpuMicros !== undefined && o.calls > 0) console.log(`${name} cpu per call: ${(o.cpuMicros / 1000 / o.calls).toFixed(2)} ms`);
  }
}
