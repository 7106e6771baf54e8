// Serves the built web app (what `next start` does) and hands every request the address of the
// socket it came from, in a header the client cannot set: Next.js gives route handlers and server
// actions no other way to know it (lib/http/client-address.ts).
// Usage: node --import tsx scripts/web-server.ts [-p PORT] [-H HOST]   (defaults: $PORT or 3000, 0.0.0.0)
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } from "../lib/http/client-address.ts";

function option(flags: string[], fallback: string): string {
  const at = process.argv.findIndex((arg) => flags.includes(arg));
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT ?? "3000"));
// Not $HOSTNAME: containers set it to their own name.
const hostname = option(["-H", "--hostname"], "0.0.0.0");
const root = fileURLToPath(new URL("..", import.meta.url));

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
trustSocketAddressHeader();

const server = createServer((request, response) => {
  // Replaces whatever the client sent under this name.
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.listen(port, hostname, () => console.log(`Web app listening on http://${hostname}:${port}`));

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
