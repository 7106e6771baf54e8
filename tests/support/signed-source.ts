// A system behind the http connector, for integration tests: it checks each call's signature as a
// real system must (401 when it does not hold), counts calls per task and the most in flight at
// once, and answers what the test decides: a status, a body, and how long to hold the call first.
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../../lib/connectors/http/signature.ts";

export type SignedCall = {
  taskId: string;
  action: string;
  subject: { email?: string; accountId?: string } | null;
  /** 1 for a task's first call, 2 for its second… */
  n: number;
};

export type SignedAnswer = { status: number; body?: unknown; holdMs?: number };

export type SignedSource = {
  url: string;
  secret: string;
  callsFor(taskId: string): number;
  total(): number;
  inFlight(): number;
  mostAtOnce(): number;
  close(): Promise<void>;
};

/** What a healthy system answers: the person's contact record for access, one row deleted for erasure. */
export function healthyResult(call: SignedCall): unknown {
  return call.action === "access"
    ? { records: [{ category: "contacts", fields: { email: call.subject?.email, segment: "loyal" } }] }
    : { affected: 1, details: [{ category: "contacts", strategy: "delete", rows: 1 }] };
}

export async function startSignedSource(answer: (call: SignedCall) => SignedAnswer): Promise<SignedSource> {
  const secret = randomBytes(24).toString("hex");
  const calls = new Map<string, number>();
  let inFlight = 0;
  let mostAtOnce = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const check = verifySignature({
        secret,
        rawBody: raw,
        timestampHeader: request.headers["x-dsar-timestamp"] as string | undefined,
        signatureHeader: request.headers["x-dsar-signature"] as string | undefined,
      });
      if (!check.ok) return void response.writeHead(401).end(`signature ${check.reason}`);
      const body = JSON.parse(raw) as Omit<SignedCall, "n">;
      const n = (calls.get(body.taskId) ?? 0) + 1;
      calls.set(body.taskId, n);
      const call = { ...body, n };
      const { status, body: answered = healthyResult(call), holdMs = 0 } = answer(call);
      inFlight++;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
      inFlight--;
      if (response.destroyed || request.socket.destroyed) return; // the caller is gone (killed)
      if (typeof answered === "string") return void response.writeHead(status).end(answered);
      response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(answered));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`,
    secret,
    callsFor: (taskId) => calls.get(taskId) ?? 0,
    total: () => [...calls.values()].reduce((sum, n) => sum + n, 0),
    inFlight: () => inFlight,
    mostAtOnce: () => mostAtOnce,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
