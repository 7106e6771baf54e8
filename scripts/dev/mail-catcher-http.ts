import type { IncomingMessage, ServerResponse } from "node:http";
import type { MessageStore } from "./mail-catcher-messages.ts";
import { renderInboxPage, renderMessagePage, renderNotFoundPage } from "./mail-catcher-pages.ts";

/**
 * Message HTML is shown in a sandboxed srcdoc iframe, which inherits this policy: no scripts, no remote
 * loads (so no tracking pixels fire), inline styles only.
 */
const PAGE_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

type Route = { method: string; pattern: RegExp; handle: (match: RegExpMatchArray, url: URL, res: ServerResponse) => void };

export function createInboxRequestHandler(store: MessageStore, smtpUrl: string) {
  const routes: Route[] = [
    { method: "GET", pattern: /^\/$/, handle: (_m, _u, res) => sendHtml(res, 200, renderInboxPage(store.list(), smtpUrl)) },
    {
      method: "GET",
      pattern: /^\/messages\/([^/]+)$/,
      handle: ([, id], _u, res) => {
        const message = store.find(id);
        if (message) sendHtml(res, 200, renderMessagePage(message));
        else sendHtml(res, 404, renderNotFoundPage("This message is gone: cleared, or pushed out by newer ones."));
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/messages$/,
      handle: (_m, url, res) => sendJson(res, 200, store.list({ to: url.searchParams.get("to") ?? undefined })),
    },
    {
      method: "DELETE",
      pattern: /^\/api\/messages$/,
      handle: (_m, _u, res) => {
        store.clear();
        res.writeHead(204).end();
      },
    },
    {
      method: "GET",
      pattern: /^\/api\/messages\/([^/]+)$/,
      handle: ([, id], _u, res) => {
        const message = store.find(id);
        if (message) sendJson(res, 200, message);
        else sendJson(res, 404, { error: "No message with this id" });
      },
    },
  ];

  return function handleInboxRequest(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://mail-catcher.invalid");
    const matching = routes.filter((route) => route.pattern.test(url.pathname));
    if (matching.length === 0) {
      if (url.pathname.startsWith("/api/")) sendJson(res, 404, { error: "Not found" });
      else sendHtml(res, 404, renderNotFoundPage("There is no page at this address."));
      return;
    }
    const route = matching.find((candidate) => candidate.method === req.method);
    if (!route) {
      res.writeHead(405, { allow: matching.map((candidate) => candidate.method).join(", ") }).end();
      return;
    }
    const match = url.pathname.match(route.pattern) as RegExpMatchArray;
    route.handle(match, url, res);
  };
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...PAGE_SECURITY_HEADERS }).end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(body));
}
