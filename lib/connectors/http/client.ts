// One signed POST to the company's system, bounded by timeoutSeconds. It never retries: the
// connector task is retried by its job, with backoff, and the system treats a repeated taskId
// as the same call.
import type { HttpConfig } from "./config.ts";
import { SIGNATURE_HEADER, signPayload, TIMESTAMP_HEADER } from "./signature.ts";

/** Enough for a large access result; beyond it a system should page its answer through a callback. */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;
const MAX_BODY_IN_ERROR = 300;

/** A failed call; `status` is set when the system answered. Its message never holds the secret. */
export class HttpConnectorError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "HttpConnectorError";
  }
}

export type HttpAnswer = { status: number; text: string };

/** The endpoint without its query string, which could hold a token: fit for messages and logs. */
export function endpointName(config: HttpConfig): string {
  const url = new URL(config.url);
  return `${url.origin}${url.pathname}`;
}

/** POSTs `body` signed; resolves with any 2xx answer, throws HttpConnectorError otherwise. */
export async function postSigned(config: HttpConfig, body: unknown, callerSignal?: AbortSignal): Promise<HttpAnswer> {
  const raw = JSON.stringify(body);
  const { timestamp, signature } = signPayload(config.secret, raw);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutMarker()), config.timeoutSeconds * 1000);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener("abort", onCallerAbort, { once: true });
  const where = endpointName(config);
  try {
    if (callerSignal?.aborted) onCallerAbort();
    const response = await fetch(config.url, {
      method: "POST",
      headers: {
        ...config.headers,
        "Content-Type": "application/json",
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signature,
      },
      body: raw,
      // A redirect would re-send the personal data to an address nobody configured.
      redirect: "manual",
      signal: controller.signal,
    });
    const text = await readText(response, where);
    if (response.status < 200 || response.status > 299) {
      throw new HttpConnectorError(`${where} answered ${response.status}: ${bodyExcerpt(text, config.secret)}`, response.status);
    }
    return { status: response.status, text };
  } catch (error) {
    if (error instanceof HttpConnectorError) throw error;
    if (controller.signal.reason instanceof TimeoutMarker) {
      throw new HttpConnectorError(`${where} did not answer within ${config.timeoutSeconds} s (timeoutSeconds)`);
    }
    if (callerSignal?.aborted) throw new HttpConnectorError(`The call to ${where} was cancelled`);
    throw new HttpConnectorError(`Could not reach ${where}: ${networkCause(error)}`);
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener("abort", onCallerAbort);
  }
}

class TimeoutMarker extends Error {}

async function readText(response: Response, where: string): Promise<string> {
  if (!response.body) return "";
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > MAX_ANSWER_BYTES) throw tooLarge(where, response.status);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw tooLarge(where, response.status);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

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
