// Calls an API the way a polite client does: at most `requestsPerSecond`, waiting as a 429's
// Retry-After asks (up to a limit, then failing with a message that says so), trying again after
// a 5xx or a network failure with a growing delay (bounded), refreshing an OAuth2 token once on a
// 401, and stopping as soon as the task's AbortSignal fires. Every answer is handed back; what a
// status means (404 = not there) is for the caller to decide.
import { setTimeout as sleep } from "node:timers/promises";
import { RefusedAddressError } from "../http/address-guard.ts";
import { type Credentials, credentialsFor } from "./auth.ts";
import type { RestConfig } from "./config.ts";
import { answerExcerpt, RestConnectorError } from "./rest-error.ts";
import { AnswerTooLargeError, type Incoming, sendGuarded } from "./transport.ts";

/** The longest pause between two tries after a failure. */
const MAX_BACKOFF_MS = 30_000;

export type PreparedRequest = {
  method: string;
  url: URL;
  body?: unknown;
  bodyFormat: "json" | "form";
  /** How messages name the call, without personal data: "find (GET /v1/customers)". */
  label: string;
};

/** The next free slot of each API (per process): `requestsPerSecond` spaces the calls. */
const nextSlot = new Map<string, number>();

export class RestClient {
  private readonly credentials: Credentials;
  private readonly signal: AbortSignal;

  constructor(
    private readonly config: RestConfig,
    signal?: AbortSignal,
  ) {
    this.credentials = credentialsFor(config.auth);
    this.signal = signal ?? new AbortController().signal;
  }

  /** Where the API is, for messages (no path, no query). */
  get origin(): string {
    return new URL(this.config.baseUrl).origin;
  }

  async send(request: PreparedRequest): Promise<Incoming> {
    const { retries, rateLimit } = this.config;
    let failures = 0;
    let waits = 0;
    let refreshed = false;
    for (;;) {
      this.throwIfCancelled(request);
      await this.pace();
      let answer: Incoming;
      try {
        answer = await this.once(request);
      } catch (error) {
        if (error instanceof RestConnectorError) throw error;
        if (this.signal.aborted) this.throwIfCancelled(request);
        if (error instanceof RefusedAddressError || error instanceof AnswerTooLargeError) {
          throw new RestConnectorError(`${request.label} at ${this.origin}: ${error.message}`, { code: error.code });
        }
        if (failures < retries.max) {
          failures++;
          await this.pause(backoff(retries.baseDelayMs, failures), request);
          continue;
        }
        const failed = RestConnectorError.unreachable(`${this.origin} for ${request.label}`, error);
        throw new RestConnectorError(`${failed.message} (${failures + 1} tries)`, { code: failed.code });
      }
      if (answer.status === 401 && !refreshed && this.credentials.invalidate()) {
        refreshed = true;
        continue;
      }
      if (answer.status === 429) {
        waits++;
        const askedSeconds = retryAfterSeconds(answer.headers["retry-after"]);
        if (waits > rateLimit.maxWaits) {
          throw new RestConnectorError(
            `${request.label}: ${this.origin} still answered 429 (too many requests) after ${rateLimit.maxWaits} waits (rateLimit.maxWaits); the task is tried again later`,
            { status: 429 },
          );
        }
        if (askedSeconds !== null && askedSeconds > rateLimit.maxWaitSeconds) {
          throw new RestConnectorError(
            `${request.label}: ${this.origin} answered 429 (too many requests) and asked to wait ${askedSeconds} s, more than rateLimit.maxWaitSeconds (${rateLimit.maxWaitSeconds} s); the task is tried again later`,
            { status: 429 },
          );
        }
        await this.pause(askedSeconds !== null ? askedSeconds * 1000 : backoff(retries.baseDelayMs, waits), request);
        continue;
      }
      if (answer.status >= 500 && failures < retries.max) {
        failures++;
        await this.pause(backoff(retries.baseDelayMs, failures), request);
        continue;
      }
      if (answer.status >= 500) {
        throw new RestConnectorError(`${request.label}: ${this.origin} answered ${answer.status} (${failures + 1} tries)`, {
          status: answer.status,
          answer: this.excerpt(answer.text),
        });
      }
      return answer;
    }
  }

  /** The first characters of an answer, secrets blanked: for messages on the task row. */
  excerpt(text: string): string {
    return answerExcerpt(text, this.credentials.secrets());
  }

  private async once(request: PreparedRequest): Promise<Incoming> {
    const timeoutMs = this.config.timeoutSeconds * 1000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([this.signal, timeout]);
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...this.config.headers,
      ...(await this.credentials.headers(this.signal, timeoutMs)),
    };
    let body: string | undefined;
    if (request.body !== undefined) {
      body = request.bodyFormat === "form" ? formEncode(request.body) : JSON.stringify(request.body);
      headers["Content-Type"] = request.bodyFormat === "form" ? "application/x-www-form-urlencoded" : "application/json";
    }
    try {
      return await sendGuarded({ method: request.method, url: request.url, headers, body }, signal);
    } catch (error) {
      if (timeout.aborted && !this.signal.aborted) {
        throw new RestConnectorError(
          `${request.label}: ${this.origin} did not answer within ${this.config.timeoutSeconds} s (timeoutSeconds)`,
          {
            code: "ETIMEDOUT",
          },
        );
      }
      throw error;
    }
  }

  private async pace(): Promise<void> {
    const perSecond = this.config.requestsPerSecond;
    if (!perSecond) return;
    const key = `${this.config.baseUrl}\n${JSON.stringify(this.config.auth)}`;
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(key) ?? 0);
    nextSlot.set(key, slot + 1000 / perSecond);
    if (slot > now) await sleep(slot - now, undefined, { signal: this.signal }).catch(() => undefined);
  }

  private async pause(ms: number, request: PreparedRequest): Promise<void> {
    await sleep(ms, undefined, { signal: this.signal }).catch(() => undefined);
    this.throwIfCancelled(request);
  }

  private throwIfCancelled(request: PreparedRequest): void {
    if (this.signal.aborted)
      throw new RestConnectorError(`${request.label}: the call to ${this.origin} was cancelled`, { code: "ABORTED" });
  }
}

function backoff(baseDelayMs: number, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** (attempt - 1));
}

/** Retry-After as seconds: a number of seconds, or an HTTP date (RFC 9110 10.2.3); null when absent or unreadable. */
export function retryAfterSeconds(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** application/x-www-form-urlencoded with nested objects and arrays as a[b]=… and a[0]=…, as Stripe reads them. */
export function formEncode(body: unknown): string {
  const form = new URLSearchParams();
  const add = (prefix: string, value: unknown) => {
    if (value === undefined) return;
    if (value !== null && typeof value === "object") {
      for (const [key, entry] of Object.entries(value)) add(prefix ? `${prefix}[${key}]` : key, entry);
      return;
    }
    form.append(prefix, value === null ? "" : String(value));
  };
  add("", body);
  return form.toString();
}
