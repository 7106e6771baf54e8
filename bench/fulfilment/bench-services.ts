// What the fulfilment benchmark (run.ts) runs beside the portal: an http system answering at once,
// the dev mail catcher in its own process, and small helpers. Bench-only.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { verifySignature } from "../../lib/connectors/http/signature.ts";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items`, `width` at a time. */
export async function pool<T>(items: T[], width: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/** An http system answering at once: 200 with two records, or an erasure receipt. */
export async function startInstantSource() {
  const secret = randomBytes(24).toString("hex");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks);
      const header = (name: string) => request.headers[name] as string | undefined;
      const check = verifySignature({
        secret,
        rawBody: raw,
        timestampHeader: header("x-dsar-timestamp"),
        signatureHeader: header("x-dsar-signature"),
      });
      if (!check.ok) return void response.writeHead(401).end();
      const body = JSON.parse(raw.toString("utf8")) as { action: string; subject: { email: string } };
      const result =
        body.action === "erasure"
          ? { affected: 2, details: [{ category: "contacts", strategy: "delete", rows: 2 }] }
          : {
              records: [
                { category: "contacts", fields: { email: body.subject.email, segment: "loyal" } },
                { category: "notes", fields: { text: "Prefers email" } },
              ],
            };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`, secret, close: () => server.close() };
}

/** The dev mail catcher in a process of its own, as an SMTP server would be. */
export async function startMailCatcherProcess(): Promise<{ child: ChildProcess; smtpUrl: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/dev/mail-catcher.ts", "--smtp-port", "0", "--http-port", "0", "--max-messages", "100"],
    {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  // Kept flowing to the end: the catcher prints again when it stops.
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  for (let waited = 0; waited < 30_000; waited += 50) {
    const port = output.match(/SMTP:\s+smtp:\/\/127\.0\.0\.1:(\d+)/)?.[1];
    if (port) return { child, smtpUrl: `smtp://127.0.0.1:${port}?tls=off` };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  throw new Error(`the mail catcher did not start: ${output}`);
}

export async function deleteKeys(redisUrl: string, prefix: string) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
  redis.disconnect();
}

export function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}
