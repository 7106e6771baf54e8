// One signed POST to the company's system, bounded by timeoutSeconds. It never retries: the
// connector task is retried by its job, with backoff, and the system treats a repeated taskId
// as the same call.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { env } from "../../env.ts";
import { allowedHosts, checkedLookup, RefusedAddressError, refusedLiteral } from "./address-guard.ts";
import type { HttpConfig } from "./config.ts";
import { readLimitedText } from "./read-limited-text.ts";
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from "./signature.ts";

/** Enough for a large access result; beyond it a system should page its answer through a callback. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const MAX_BODY_IN_ERROR = 300;

/**
 * A failed call; `status` is set when the system answered, `code` when it could not be reached
 * (ECONNREFUSED, EREFUSEDADDRESS, ...), `elapsedMs` always. Its message never holds the secret.
 */
export class HttpConnectorError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly details: { code?: string; elapsedMs?: number } = {},
  ) {
    super(message);
    this.name = "HttpConnectorError";
  }
}

export type HttpAnswer = { status: number; text: string; elapsedMs: number };

/** The endpoint without its query string, which could hold a token: fit for messages and logs. */
export function endpointName(config: HttpConfig): string {
  const url = new URL(config.url);
  return `${url.origin}${url.pathname}`;
}

/**
 * POSTs `body` signed; resolves with any 2xx answer, throws HttpConnectorError otherwise. The
 * connection only goes to an address the guard accepts (address-guard.ts, CONNECTOR_ALLOWED_HOSTS).
 */
export async function postSigned(config: HttpConfig, body: unknown, callerSignal?: AbortSignal): Promise<HttpAnswer> {
  const raw = JSON.stringify(body);
  const { timestamp, signature } = signPayload(config.secret, raw);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutMarker()), config.timeoutSeconds * 1000);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const where = endpointName(config);
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  try {
    if (callerSignal?.aborted) onCallerAbort();
    const response = await send(
      config.url,
      {
        ...config.headers,
        "Content-Type": "application/json",
        "Content-Length": String(Buffer.byteLength(raw)),
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signature,
      },
      raw,
      controller.signal,
    );
    const status = response.statusCode ?? 0;
    const text = await readLimitedText(response, controller.signal, MAX_ANSWER_BYTES, () => tooLarge(where, response.statusCode ?? 0));
    if (status < 200 || status > 299) {
      throw new HttpConnectorError(`${where} answered ${status}: ${bodyExcerpt(text, config.secret)}`, status, { elapsedMs: elapsedMs() });
    }
    return { status, text, elapsedMs: elapsedMs() };
  } catch (error) {
    if (error instanceof HttpConnectorError) throw error;
    if (controller.signal.reason instanceof TimeoutMarker) {
      throw new HttpConnectorError(`${where} did not answer within ${config.timeoutSeconds} s (timeoutSeconds)`, undefined, {
        code: "ETIMEDOUT",
        elapsedMs: elapsedMs(),
      });
    }
    if (callerSignal?.aborted) throw new HttpConnectorError(`The call to ${where} was cancelled`, undefined, { elapsedMs: elapsedMs() });
    if (error instanceof RefusedAddressError) {
      throw new HttpConnectorError(`Refused to call ${where}: ${error.message}`, undefined, { code: error.code, elapsedMs: elapsedMs() });
    }
    const code = (error as { code?: unknown }).code;
    throw new HttpConnectorError(`Could not reach ${where}: ${networkCause(error)}`, undefined, {
      code: typeof code === "string" ? code : undefined,
      elapsedMs: elapsedMs(),
    });
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

/**
 * One POST with node:http(s), whose `lookup` refuses internal addresses as the socket connects
 * (a URL with an IP address is checked before, since no lookup happens then). Redirects are not
 * followed: they would re-send the personal data to an address nobody configured.
 */
function send(target: string, headers: Record<string, string>, raw: string, signal: AbortSignal): Promise<IncomingMessage> {
  const url = new URL(target);
  const allowed = allowedHosts(env().CONNECTOR_ALLOWED_HOSTS);
  const refused = refusedLiteral(url.hostname, allowed);
  if (refused) return Promise.reject(refused);
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: "POST", headers, signal, lookup: checkedLookup(allowed) as never }, resolve);
    outgoing.on("error", reject);
    outgoing.end(raw);
  });
}

class TimeoutMarker extends Error {}

function tooLarge(where: string, status: number): HttpConnectorError {
  return new HttpConnectorError(
    `${where} answered ${status} with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, more than the portal accepts`,
    status,
  );
}

/** At most 300 characters of an answer, on one line, with the secret blanked should the system echo it. */
export function bodyExcerpt(text: string, secret: string): string {
  const flat = text.split(secret).join("••••••").replace(/\s+/g, " ").trim();
  if (!flat) return "(empty body)";
  return flat.length > MAX_BODY_IN_ERROR ? `${flat.slice(0, MAX_BODY_IN_ERROR)}…` : flat;
}

function networkCause(error: unknown): string {
  // fetch reports "fetch failed" and keeps the useful part (ECONNREFUSED, a TLS error) in `cause`.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return typeof code === "string" && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}
