// The `http` connector: a system that holds personal data behind an API (a CRM, a shop, a
// support desk). The portal calls one endpoint the company implements; the protocol follows.
//
// REQUEST. For each action of a request the portal sends
//   POST <url>
//   Content-Type: application/json
//   X-DSAR-Timestamp: <unix seconds>
//   X-DSAR-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
//   (plus any `headers` from the config)
//   { "requestId": "…", "taskId": "…", "reference": "…",
//     "action": "access" | "erasure" | "rectification" | "portability"
//               | "opt_out" | "limit_sensitive" | "restriction" | "objection",
//     "subject": { "email": "…"?, "accountId": "…"? },
//     "corrections": [{ "field": "…", "correctValue": "…", "currentValue": "…"? }],  (rectification only)
//     "callbackUrl": "https://portal.example.com/api/v1/connector-callbacks/<taskId>" }
// `subject` holds only proven identifiers: `email` is the address the person verified (a link or
// code sent to it). `accountId` is sent only once staff confirmed it belongs to the person; the
// number typed on the form is never sent before that, since anyone can type someone else's.
// Find the person with the email, and with the account id too when one is sent (both must
// match): never with the account id instead of the email.
// One exception has no `email`: an opt-out (or another of the four preference actions) the company's
// own website or app relayed by account id alone, through an integration-role API key. There
// `accountId` is the company's own record of who the signal came from: find the person by it, or
// answer with an empty `switchedOff` when you can find people only by email.
// "Test connection" sends `"action": "test"` with `subject`, the ids and `callbackUrl` all null:
// answer 200 or 204 without touching any data.
//
// CHECKING IT. Compute the HMAC over the raw bytes received (before parsing the JSON), compare it
// in constant time, and refuse (401) a timestamp more than 5 minutes from your clock, either way.
// A failed call is retried with the same taskId: treat a repeat as the same call, not a new one.
//
// ANSWER. Either 200 with the result at once:
//   access, portability: { "records": [{ "category": "orders", "fields": { "id": 42, … } }] }
//   erasure:             { "affected": 3, "details": [{ "category": "orders", "strategy": "delete"|"mask"|"retain",
//                                                     "rows": 3, "reason": "…"? }] }   (give a reason when you retain)
//   rectification:       { "applied": [{ "field": "fullName", "category": "customers", "column": "name", "rows": 1 }],
//                          "unmapped": ["fields you hold no column for"] }
//   opt_out, limit_sensitive, restriction, objection (switch off sale/sharing, sensitive-data use, processing):
//                        { "switchedOff": [{ "category": "customers", "settings": { "marketing_opt_out": true }, "rows": 1 }] }
// or 202 (any body), then later POST the same result shape to `callbackUrl`, signed the same way
// with the same secret, within `callbackWaitMinutes` (default 60) or the task fails.
// Any other status fails the attempt (it is retried later, with backoff); the status and the first
// 300 characters of the body are shown to staff, so keep personal data out of error bodies.
import { env } from "../../env.ts";
import type { AccessRecord, ConnectorContext, ConnectorType, Correction, Deferred, Subject } from "../connector.ts";
import { bodyExcerpt, endpointName, HttpConnectorError, postSigned } from "./client.ts";
import { type HttpConfig, httpConfigSchema, httpSecretPaths } from "./config.ts";
import { type HttpRequestBody, parseResult, type ResultAction } from "./protocol.ts";

export { HttpConnectorError } from "./client.ts";
export { type HttpConfig, httpConfigSchema } from "./config.ts";
export {
  type CallbackResult,
  type HttpRequestBody,
  parseResult as parseCallbackResult,
  type ResultAction,
  requestBodySchema,
} from "./protocol.ts";
export {
  SIGNATURE_HEADER,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureCheck,
  signPayload,
  TIMESTAMP_HEADER,
  verifySignature,
} from "./signature.ts";

/** Where the system answers a 202 later; the callback route finds the task by its id. */
export function callbackUrlFor(taskId: string): string {
  return new URL(`/api/v1/connector-callbacks/${encodeURIComponent(taskId)}`, env().APP_URL).toString();
}

type Answer = { deferred: Deferred } | { json: unknown };

async function send(
  config: HttpConfig,
  action: ResultAction,
  subject: Subject,
  context: ConnectorContext,
  extra: { corrections?: Correction[] } = {},
): Promise<Answer> {
  const body: HttpRequestBody = {
    requestId: context.requestId,
    taskId: context.taskId,
    reference: context.reference,
    action,
    // Only proven identifiers (see Subject): the account id only once confirmed; an absent
    // identifier (the email of an opt-out relayed by account id) is left out rather than sent as null.
    subject: {
      ...(subject.email ? { email: subject.email } : {}),
      ...(subject.accountId ? { accountId: subject.accountId } : {}),
    },
    ...extra,
    callbackUrl: callbackUrlFor(context.taskId),
  };
  const answer = await postSigned(config, body, context.signal);
  const where = endpointName(config);
  if (answer.status === 202) {
    return { deferred: { deferred: "callback", until: new Date(Date.now() + config.callbackWaitMinutes * 60_000) } };
  }
  if (answer.status !== 200) {
    throw new HttpConnectorError(
      `${where} answered ${answer.status}; expected 200 with the result, or 202 and a callback later`,
      answer.status,
    );
  }
  try {
    return { json: JSON.parse(answer.text) };
  } catch {
    throw new HttpConnectorError(`${where} answered 200 but not with JSON: ${bodyExcerpt(answer.text, config.secret)}`, 200);
  }
}

function parseAnswer<A extends ResultAction>(config: HttpConfig, action: A, json: unknown) {
  try {
    return parseResult(action, json);
  } catch (error) {
    throw new HttpConnectorError(`${endpointName(config)} answered 200: ${(error as Error).message}`, 200);
  }
}

async function accessOrDefer(
  config: HttpConfig,
  subject: Subject,
  context: ConnectorContext,
): Promise<AsyncIterable<AccessRecord> | Deferred> {
  // Portability asks for the same records; the system may shape them for reuse elsewhere.
  const action = context.action === "portability" ? "portability" : "access";
  const answer = await send(config, action, subject, context);
  if ("deferred" in answer) return answer.deferred;
  const records = parseAnswer(config, action, answer.json);
  return (async function* () {
    yield* records;
  })();
}

export const httpConnector: ConnectorType<HttpConfig> = {
  type: "http",
  configSchema: httpConfigSchema,
  secretPaths: httpSecretPaths,

  async test(config) {
    // Only the status and the time taken: never the answer's body, which would turn the button
    // into a way of reading whatever the address serves.
    const where = endpointName(config);
    const body: HttpRequestBody = { requestId: null, taskId: null, reference: null, action: "test", subject: null, callbackUrl: null };
    try {
      const answer = await postSigned(config, body);
      if (answer.status === 200 || answer.status === 204)
        return { ok: true, message: `${where} accepted a signed test call (${answer.status}, ${answer.elapsedMs} ms)` };
      return { ok: false, message: `${where} answered ${answer.status} in ${answer.elapsedMs} ms to the test call; expected 200 or 204` };
    } catch (error) {
      if (!(error instanceof HttpConnectorError)) return { ok: false, message: `The test call to ${where} failed` };
      const { code, elapsedMs } = error.details;
      const after = elapsedMs === undefined ? "" : ` after ${elapsedMs} ms`;
      if (error.status !== undefined) {
        const refused = error.status === 401 || error.status === 403;
        const hint = refused ? ". Check that both sides use the same secret and that their clocks agree within 5 minutes" : "";
        return { ok: false, message: `${where} answered ${error.status}${after} to the test call; expected 200 or 204${hint}` };
      }
      if (code === "ETIMEDOUT") return { ok: false, message: `${where} did not answer within ${config.timeoutSeconds} s (timeoutSeconds)` };
      if (code === "EREFUSEDADDRESS") return { ok: false, message: error.message };
      return { ok: false, message: `Could not reach ${where}${code ? ` (${code})` : ""}${after}` };
    }
  },

  access: accessOrDefer,

  async erase(config, subject, context) {
    const answer = await send(config, "erasure", subject, context);
    return "deferred" in answer ? answer.deferred : parseAnswer(config, "erasure", answer.json);
  },

  async rectify(config, subject, corrections, context) {
    const answer = await send(config, "rectification", subject, context, { corrections });
    return "deferred" in answer ? answer.deferred : parseAnswer(config, "rectification", answer.json);
  },

  async applyPreference(config, subject, kind, context) {
    const answer = await send(config, kind, subject, context);
    return "deferred" in answer ? answer.deferred : parseAnswer(config, kind, answer.json);
  },
};
