// One call to the processor's OpenDSR API, bounded by timeoutSeconds, authenticated with the API
// key and secret (HTTP Basic), and only to an address the guard accepts (address-guard.ts,
// CONNECTOR_ALLOWED_HOSTS). It never retries (the task's job does, with backoff) and never follows
// a redirect, which would send the person's identities where nobody configured.
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { env } from "../../env.ts";
import { allowedHosts, checkedLookup, RefusedAddressError, refusedLiteral } from "../http/address-guard.ts";
import { readLimitedText } from "../http/read-limited-text.ts";
import type { OpendsrConfig } from "./config.ts";

const MAX_ANSWER_BYTES = 1024 * 1024;
const MAX_BODY_IN_ERROR = 300;

/** A failed call: `status` when the processor answered, `code` when it could not be reached. Never holds the credentials. */
export class OpendsrError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly details: { code?: string; elapsedMs?: number } = {},
  ) {
    super(message);
    this.name = "OpendsrError";
  }
}

export type OpendsrAnswer = { status: number; text: string; headers: IncomingHttpHeaders; elapsedMs: number };

/** An endpoint of the processor: the base address joined with `path` ("/discovery", "/requests/<id>"). */
export function endpointOf(config: OpendsrConfig, path: string): URL {
  const base = new URL(config.baseUrl);
  base.pathname = `${base.pathname.replace(/\/+$/, "")}${path}`;
  base.search = "";
  return base;
}

/** Where a call went, for messages: origin and path, without any query. */
export function placeOf(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

export async function callOpendsr(
  config: OpendsrConfig,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
  callerSignal?: AbortSignal,
): Promise<OpendsrAnswer> {
  const url = endpointOf(config, path);
  const where = `${method} ${placeOf(url)}`;
  const raw = body === undefined ? undefined : JSON.stringify(body);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutMarker()), config.timeoutSeconds * 1000);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  try {
    if (callerSignal?.aborted) onCallerAbort();
    const headers: Record<string, string> = {
      Accept: "application/json",
      Authorization: `Basic ${Buffer.from(`${config.apiKey}:${config.apiSecret}`, "utf8").toString("base64")}`,
      ...(raw === undefined ? {} : { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(raw)) }),
    };
    const response = await send(url, method, headers, raw, controller.signal);
    const status = response.statusCode ?? 0;
    const text = await readLimitedText(
      response,
      controller.signal,
      MAX_ANSWER_BYTES,
      () => new OpendsrError(`${where} answered ${status} with more than 1 MB`, status),
    );
    return { status, text, headers: response.headers, elapsedMs: elapsedMs() };
  } catch (error) {
    if (error instanceof OpendsrError) throw error;
    if (controller.signal.reason instanceof TimeoutMarker) {
      throw new OpendsrError(`${where} did not answer within ${config.timeoutSeconds} s (timeoutSeconds)`, undefined, {
        code: "ETIMEDOUT",
        elapsedMs: elapsedMs(),
      });
    }
    if (callerSignal?.aborted) throw new OpendsrError(`${where} was cancelled`, undefined, { elapsedMs: elapsedMs() });
    if (error instanceof RefusedAddressError) {
      throw new OpendsrError(`Refused to call ${placeOf(url)}: ${error.message}`, undefined, { code: error.code, elapsedMs: elapsedMs() });
    }
    const code = (error as { code?: unknown }).code;
    const cause = error instanceof Error ? error.message : String(error);
    throw new OpendsrError(`Could not reach ${placeOf(url)}: ${cause}`, undefined, {
      code: typeof code === "string" ? code : undefined,
      elapsedMs: elapsedMs(),
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  raw: string | undefined,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const allowed = allowedHosts(env().CONNECTOR_ALLOWED_HOSTS);
  const refused = refusedLiteral(url.hostname, allowed);
  if (refused) return Promise.reject(refused);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, signal, lookup: checkedLookup(allowed) as never }, resolve);
    outgoing.on("error", reject);
    outgoing.end(raw);
  });
}

class TimeoutMarker extends Error {}

/** At most 300 characters of an answer on one line, the secret blanked should the processor echo it. */
export function answerExcerpt(text: string, config: OpendsrConfig): string {
  const flat = text.split(config.apiSecret).join("••••••").replace(/\s+/g, " ").trim();
  if (!flat) return "(empty body)";
  return flat.length > MAX_BODY_IN_ERROR ? `${flat.slice(0, MAX_BODY_IN_ERROR)}…` : flat;
}
