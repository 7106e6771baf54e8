// Serves the portal's connector callback route (POST /api/v1/connector-callbacks/{taskId}) on a
// real HTTP server, so sources that answer later (the demo CRM, an OpenDSR processor) can call it.
import type { Server } from "node:http";

type CallbackRoute = (request: Request, context: { params: Promise<{ taskId: string }> }) => Promise<Response>;

export function serveCallbackRoute(server: Server, callbackRoute: CallbackRoute): void {
  server.on("request", (request, response) => {
    const taskId = (request.url ?? "").split("/").pop() as string;
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const answer = await callbackRoute(
        new Request(`http://localhost${request.url}`, {
          method: "POST",
          body: Buffer.concat(chunks),
          headers: request.headers as Record<string, string>,
        }),
        { params: Promise.resolve({ taskId }) },
      );
      response.writeHead(answer.status).end(await answer.text());
    });
  });
}
