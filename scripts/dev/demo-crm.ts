// The demo's CRM: a small service that implements the http connector's protocol (see
// lib/connectors/http/index.ts), so a demo request shows a source that answers later through a
// signed callback. Its data is generated and kept in memory.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signPayload, verifySignature } from "../../lib/connectors/http/index.ts";

type Contact = { segment: string; notes: string[]; consentMarketing: boolean; lastContact: string };

function contactFor(email: string): Contact {
  const hash = [...email].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  return {
    segment: ["loyal", "new", "occasional"][hash % 3],
    notes: [`Called about delivery times (${2024 + (hash % 2)})`, "Prefers email contact"],
    consentMarketing: hash % 2 === 0,
    lastContact: `2026-0${1 + (hash % 9)}-1${hash % 9}`,
  };
}

export async function startDemoCrm(options: {
  port: number;
  secret: string;
  callbackDelayMs?: number;
  host?: string;
}): Promise<{ url: string; close(): Promise<void> }> {
  const erased = new Set<string>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const check = verifySignature({
        secret: options.secret,
        rawBody: raw,
        timestampHeader: request.headers["x-dsar-timestamp"] as string | undefined,
        signatureHeader: request.headers["x-dsar-signature"] as string | undefined,
      });
      if (!check.ok) {
        response.writeHead(401).end(JSON.stringify({ error: `signature ${check.reason}` }));
        return;
      }
      const body = JSON.parse(raw) as { action: string; subject: { email: string } | null; callbackUrl: string | null };
      if (body.action === "test") {
        response.writeHead(204).end();
        return;
      }
      const email = body.subject?.email.toLowerCase() ?? "";
      if (body.action === "erasure") {
        const had = !erased.has(email);
        erased.add(email);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ affected: had ? 1 : 0, details: [{ category: "contacts", strategy: "delete", rows: had ? 1 : 0 }] }));
        return;
      }
      // Access and portability: answered later, as a real CRM export would be.
      response.writeHead(202).end();
      const records = erased.has(email) ? [] : [{ category: "contacts", fields: { email, ...contactFor(email) } }];
      setTimeout(() => void callBack(body.callbackUrl as string, { records }), options.callbackDelayMs ?? 1500);
    });
  });
  async function callBack(url: string, result: unknown) {
    const raw = JSON.stringify(result);
    const { timestamp, signature } = signPayload(options.secret, raw);
    try {
      await fetch(url, {
        method: "POST",
        body: raw,
        headers: { "content-type": "application/json", "x-dsar-timestamp": timestamp, "x-dsar-signature": signature },
      });
    } catch {
      // The portal may be restarting; its task fails after its wait and can be retried.
    }
  }
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/dsar`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
