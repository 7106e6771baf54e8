// bull-board's server adapter for the Fetch API (Request in, Response out), so the dashboard runs
// inside a Next.js route handler: bull-board ships adapters for Express, Hono and others, none for
// the App Router. It serves the UI's page (with the request's CSP nonce on its scripts), its static
// files, and its JSON API; authorization is done by the route before anything here runs.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type {
  AppControllerRoute,
  AppViewRoute,
  BullBoardQueues,
  ControllerHandlerReturnType,
  HTTPMethod,
  IServerAdapter,
  UIConfig,
} from "@bull-board/api/typings/app";

type Compiled = { method: HTTPMethod; pattern: RegExp; names: string[]; handler: AppControllerRoute["handler"] };

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/** "/api/queues/:queueName/:jobId" → a RegExp with one group per parameter (each one path segment). */
export function compileRoute(route: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = route
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { pattern: new RegExp(`^${source}/?$`), names };
}

export class FetchAdapter implements IServerAdapter {
  private queues: BullBoardQueues | undefined;
  private viewsPath = "";
  private staticRoute = "/static";
  private staticPath = "";
  private entry: AppViewRoute | undefined;
  private entryPatterns: RegExp[] = [];
  private errorHandler: ((error: Error) => ControllerHandlerReturnType) | undefined;
  private routes: Compiled[] = [];
  private uiConfig: UIConfig = {};
  private template: Promise<string> | undefined;

  /** `basePath`: where the board is mounted, e.g. "/staff/queues". */
  constructor(private readonly basePath: string) {}

  setQueues(queues: BullBoardQueues) {
    this.queues = queues;
    return this;
  }

  setViewsPath(viewsPath: string) {
    this.viewsPath = viewsPath;
    return this;
  }

  setStaticPath(staticRoute: string, staticPath: string) {
    this.staticRoute = staticRoute;
    this.staticPath = staticPath;
    return this;
  }

  setEntryRoute(route: AppViewRoute) {
    this.entry = route;
    this.entryPatterns = (Array.isArray(route.route) ? route.route : [route.route]).map((r) => compileRoute(r).pattern);
    return this;
  }

  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType) {
    this.errorHandler = handler;
    return this;
  }

  setApiRoutes(routes: AppControllerRoute[]) {
    this.routes = routes.flatMap((route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const paths = Array.isArray(route.route) ? route.route : [route.route];
      return methods.flatMap((method) => paths.map((p) => ({ method, ...compileRoute(p), handler: route.handler })));
    });
    return this;
  }

  setUIConfig(config: UIConfig) {
    this.uiConfig = config;
    return this;
  }

  /** Answers one request below the base path; `nonce` is the page's CSP nonce (proxy.ts). */
  async handle(request: Request, nonce: string | null): Promise<Response> {
    const url = new URL(request.url);
    const sub = url.pathname.slice(this.basePath.length) || "/";
    const method = request.method.toLowerCase();
    if ((method === "get" || method === "head") && sub.startsWith(`${this.staticRoute}/`)) {
      return this.serveStatic(sub.slice(this.staticRoute.length + 1));
    }
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(sub);
      if (match) return this.callApi(route, match, request, url);
    }
    if ((method === "get" || method === "head") && this.entry && this.entryPatterns.some((pattern) => pattern.test(sub)))
      return this.page(nonce);
    return Response.json({ error: { key: "ERRORS.NOT_FOUND" } }, { status: 404 });
  }

  private async callApi(route: Compiled, match: RegExpExecArray, request: Request, url: URL): Promise<Response> {
    if (!this.queues) throw new Error("bull-board: setQueues was not called");
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
    // Most of the UI's calls have no body; one that is not JSON counts as empty, as in bull-board's own adapters.
    const body = route.method === "get" ? {} : await request.json().catch(() => ({}));
    let answer: ControllerHandlerReturnType;
    try {
      answer = await route.handler({
        queues: this.queues,
        uiConfig: this.uiConfig,
        params,
        query: Object.fromEntries(url.searchParams),
        body: typeof body === "object" && body !== null ? body : {},
        headers: Object.fromEntries(request.headers),
      });
    } catch (error) {
      if (!this.errorHandler || !(error instanceof Error)) throw error;
      answer = this.errorHandler(error);
      if (answer.status === 204 || !answer.status) answer = { ...answer, status: 500 };
    }
    const headers = { "cache-control": "no-store" };
    if (answer.status === 204) return new Response(null, { status: 204, headers });
    if (typeof answer.body === "string") return new Response(answer.body, { status: answer.status ?? 200, headers });
    return Response.json(answer.body, { status: answer.status ?? 200, headers });
  }

  private async page(nonce: string | null): Promise<Response> {
    if (!this.entry) throw new Error("bull-board: setEntryRoute was not called");
    const { name, params } = this.entry.handler({ basePath: `${this.basePath}/`, uiConfig: this.uiConfig });
    this.template ??= readFile(path.join(this.viewsPath, name), "utf8");
    const html = renderIndex(await this.template, params, nonce);
    return new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  }

  private async serveStatic(relative: string): Promise<Response> {
    const root = path.resolve(this.staticPath);
    const file = path.resolve(root, decodeURIComponent(relative));
    // Only files inside the UI's static folder, whatever the path says.
    if (!file.startsWith(`${root}${path.sep}`)) return new Response("Not found", { status: 404 });
    try {
      const content = await readFile(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
      // File names carry a content hash, except the locales and icons: cache those briefly.
      const immutable = /\.[0-9a-f]{8,}\.(js|css)$/.test(file);
      return new Response(new Uint8Array(content), {
        headers: { "content-type": type, "cache-control": immutable ? "private, max-age=31536000, immutable" : "private, max-age=300" },
      });
    } catch {
      return new Response("Not found", { status: 404 });
    }
  }
}

export const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * Fills bull-board's index.ejs without an EJS engine: it only uses `<%= name %>` (escaped) and
 * `<%- uiConfig %>` (JSON that bull-board already escaped for a script tag). Its scripts get the
 * CSP nonce, and the stylesheet from Google Fonts is left out (the policy allows only this site;
 * the UI falls back to system fonts).
 */
export function renderIndex(template: string, params: Record<string, string>, nonce: string | null): string {
  const filled = template
    .replace(/<%-\s*(\w+)\s*%>/g, (_whole, name: string) => params[name] ?? "")
    .replace(/<%=\s*(\w+)\s*%>/g, (_whole, name: string) => escapeHtml(params[name] ?? ""))
    .replace(/<link[^>]*fonts\.googleapis\.com[^>]*>\s*/g, "");
  if (/<%/.test(filled)) throw new Error("bull-board's index.ejs uses a template tag this adapter does not know");
  return nonce ? filled.replace(/<script(?=[\s>])/g, `<script nonce="${escapeHtml(nonce)}"`) : filled;
}
