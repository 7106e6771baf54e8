// The portal's DRP route handlers behind a real HTTP server on a free loopback port, as
// scripts/web-server.ts serves them (the socket address in x-dsar-socket-address), so an agent
// (a test, or the OSIRAA conformance kit) talks to them over HTTP.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as agentRoute from "../../app/api/drp/v1/agent/[agentId]/route.ts";
import * as requestRoute from "../../app/api/drp/v1/data-rights-request/[requestId]/route.ts";
import * as requestsRoute from "../../app/api/drp/v1/data-rights-request/route.ts";

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function route(method: string, path: string): { handler: Handler; params: Record<string, string> } | null {
  const agent = /^\/api\/drp\/v1\/agent\/([^/]+)$/.exec(path);
  if (agent) {
    const handler = (agentRoute as Record<string, unknown>)[method] as Handler | undefined;
    return handler ? { handler, params: { agentId: decodeURIComponent(agent[1]) } } : null;
  }
  if (/^\/api\/drp\/v1\/data-rights-request\/?$/.test(path) && method === "POST")
    return { handler: requestsRoute.POST as Handler, params: {} };
  const one = /^\/api\/drp\/v1\/data-rights-request\/([^/]+)$/.exec(path);
  if (one) {
    const handler = (requestRoute as Record<string, unknown>)[method] as Handler | undefined;
    return handler ? { handler, params: { requestId: decodeURIComponent(one[1]) } } : null;
  }
  return null;
}

async function serve(incoming: IncomingMessage, outgoing: ServerResponse) {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const found = route(incoming.method ?? "GET", url.pathname);
  if (!found) {
    outgoing.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  headers.set("x-dsar-socket-address", incoming.socket.remoteAddress ?? "unknown");
  const body = chunks.length > 0 && !["GET", "HEAD"].includes(incoming.method ?? "") ? Buffer.concat(chunks) : undefined;
  const request = new Request(url, { method: incoming.method, headers, body });
  const response = await found.handler(request, { params: Promise.resolve(found.params) });
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

export async function startDrpServer(): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const server = createServer((incoming, outgoing) => {
    serve(incoming, outgoing).catch((error) => {
      outgoing.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/drp`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
