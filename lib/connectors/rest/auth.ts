// The credentials each call of a rest connector carries. OAuth2 client credentials: the token is
// fetched from the token endpoint, kept (in this process) until shortly before it expires, and
// fetched again after; a 401 while holding one drops it so the caller can refresh once and retry.
import { createHash } from "node:crypto";
import { parseExactJson } from "../exact-json.ts";
import type { RestAuth } from "./config.ts";
import { RestConnectorError } from "./rest-error.ts";
import { sendGuarded } from "./transport.ts";

/** A token this close to its expiry is not used any more: the call could arrive after it. */
const EXPIRY_MARGIN_MS = 30_000;
/** When the token endpoint does not say how long a token lasts. */
const DEFAULT_TOKEN_SECONDS = 300;

type CachedToken = { accessToken: string; expiresAt: number };
const tokens = new Map<string, CachedToken>();

export type Credentials = {
  headers(signal: AbortSignal, timeoutMs: number): Promise<Record<string, string>>;
  /** Drops a cached token; true when there was one to refresh (OAuth2 only). */
  invalidate(): boolean;
  /** Values to blank should an answer echo them. */
  secrets(): string[];
};

export function credentialsFor(auth: RestAuth): Credentials {
  switch (auth.type) {
    case "none":
      return fixed({}, []);
    case "bearer":
      return fixed({ Authorization: `Bearer ${auth.token}` }, [auth.token]);
    case "basic":
      return fixed({ Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString("base64")}` }, [auth.password]);
    case "apiKey":
      return fixed({ [auth.header]: auth.value }, [auth.value]);
    case "oauth2":
      return oauth2(auth);
  }
}

function fixed(headers: Record<string, string>, secrets: string[]): Credentials {
  return { headers: async () => headers, invalidate: () => false, secrets: () => secrets };
}

function oauth2(auth: Extract<RestAuth, { type: "oauth2" }>): Credentials {
  const key = createHash("sha256")
    .update(JSON.stringify([auth.tokenUrl, auth.clientId, auth.clientSecret, auth.scope ?? "", auth.audience ?? ""]))
    .digest("hex");
  return {
    async headers(signal, timeoutMs) {
      const cached = tokens.get(key);
      if (cached && cached.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return { Authorization: `Bearer ${cached.accessToken}` };
      const fresh = await fetchToken(auth, signal, timeoutMs);
      tokens.set(key, fresh);
      return { Authorization: `Bearer ${fresh.accessToken}` };
    },
    invalidate() {
      return tokens.delete(key);
    },
    secrets: () => [auth.clientSecret, ...(tokens.get(key) ? [tokens.get(key)?.accessToken as string] : [])],
  };
}

async function fetchToken(auth: Extract<RestAuth, { type: "oauth2" }>, signal: AbortSignal, timeoutMs: number): Promise<CachedToken> {
  const url = new URL(auth.tokenUrl);
  const where = `the token endpoint ${url.origin}${url.pathname}`;
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" };
  if (auth.clientAuthentication === "basic") {
    const encode = (value: string) => encodeURIComponent(value);
    headers.Authorization = `Basic ${Buffer.from(`${encode(auth.clientId)}:${encode(auth.clientSecret)}`).toString("base64")}`;
  } else {
    form.set("client_id", auth.clientId);
    form.set("client_secret", auth.clientSecret);
  }
  if (auth.scope) form.set("scope", auth.scope);
  if (auth.audience) form.set("audience", auth.audience);
  const timeout = AbortSignal.timeout(timeoutMs);
  const started = Date.now();
  let answer: Awaited<ReturnType<typeof sendGuarded>>;
  try {
    answer = await sendGuarded({ method: "POST", url, headers, body: form.toString() }, AbortSignal.any([signal, timeout]));
  } catch (error) {
    if (signal.aborted) throw new RestConnectorError(`The call to ${where} was cancelled`);
    if (timeout.aborted)
      throw new RestConnectorError(`${where} did not answer within ${timeoutMs / 1000} s (timeoutSeconds)`, { code: "ETIMEDOUT" });
    throw RestConnectorError.unreachable(where, error);
  }
  let json: unknown;
  try {
    json = parseExactJson(answer.text);
  } catch {
    json = null;
  }
  const body = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  if (answer.status < 200 || answer.status > 299) {
    // OAuth errors are codes (invalid_client, invalid_scope): safe and useful to show.
    const code = typeof body.error === "string" && /^[\w.-]{1,60}$/.test(body.error) ? ` (${body.error})` : "";
    const hint = answer.status === 400 || answer.status === 401 ? "; check clientId, clientSecret, scope and audience" : "";
    throw new RestConnectorError(`${where} answered ${answer.status}${code}${hint}`, { status: answer.status });
  }
  if (typeof body.access_token !== "string" || body.access_token === "") {
    throw new RestConnectorError(`${where} answered ${answer.status} without an access_token`, { status: answer.status });
  }
  const seconds = Number(body.expires_in);
  const lifetime = Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOKEN_SECONDS;
  return { accessToken: body.access_token, expiresAt: started + lifetime * 1000 };
}
