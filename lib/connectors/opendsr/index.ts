// The `opendsr` connector: a processor that takes data subject requests through OpenDSR 2.0 (the
// specification formerly called OpenGDPR, github.com/opengdpr/OpenDSR), such as an analytics or
// customer-data platform. Relative to `baseUrl` (which carries the major version, e.g. …/v2):
//   GET    /discovery        request types and identity types the processor supports
//   POST   /requests         a request: regulation, subject_request_id, subject_request_type,
//                            submitted_time, subject_identities, api_version, status_callback_urls
//   GET    /requests/{id}    its status (the fallback when callbacks are lost)
//   DELETE /requests/{id}    cancellation (the processor accepts it while the request is pending)
// Calls carry the API key and secret as HTTP Basic credentials. The processor signs its callbacks
// and answers: X-OpenDSR-Signature (base64 SHA-256 signature of the raw body by the key of its
// certificate, pinned in the config) and X-OpenDSR-Processor-Domain (the certificate's domain).
// A submitted task waits for a callback at the portal's callback address for the task, until
// `waitDays`; every `pollIntervalMinutes` the portal asks for the status itself meanwhile.
import { UnrecoverableError } from "bullmq";
import type { CallbackReading, ConnectorContext, ConnectorType, Deferred, LaterAnswer, Subject } from "../connector.ts";
import { callbackUrlFor } from "../http/index.ts";
import { answerExcerpt, callOpendsr, endpointOf, OpendsrError, placeOf } from "./client.ts";
import { type OpendsrConfig, opendsrConfigSchema, opendsrSecretPaths, processorDomainOf } from "./config.ts";
import {
  answerFor,
  identitiesFor,
  type OpendsrRequestBody,
  type OpendsrRequestType,
  type OpendsrStatus,
  opendsrDiscoverySchema,
  opendsrRequestTypes,
  opendsrStatusSchema,
  subjectRequestIdFor,
  unsupportedBy,
} from "./protocol.ts";
import { OPENDSR_DOMAIN_HEADER, OPENDSR_SIGNATURE_HEADER, verifyOpendsrSignature } from "./signature.ts";

export { OpendsrError } from "./client.ts";
export { type OpendsrConfig, opendsrConfigSchema } from "./config.ts";
export { subjectRequestIdFor } from "./protocol.ts";
export { OPENDSR_DOMAIN_HEADER, OPENDSR_SIGNATURE_HEADER, signOpendsrBody, verifyOpendsrSignature } from "./signature.ts";

async function discover(config: OpendsrConfig) {
  const answer = await callOpendsr(config, "GET", "/discovery");
  const where = placeOf(endpointOf(config, "/discovery"));
  if (answer.status !== 200) {
    throw new OpendsrError(`${where} answered ${answer.status}: ${answerExcerpt(answer.text, config)}`, answer.status, {
      elapsedMs: answer.elapsedMs,
    });
  }
  const parsed = opendsrDiscoverySchema.safeParse(safeJson(answer.text));
  if (!parsed.success) throw new OpendsrError(`${where} answered 200 without a discovery document of OpenDSR`, 200);
  return { discovery: parsed.data, elapsedMs: answer.elapsedMs };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function submit(config: OpendsrConfig, type: OpendsrRequestType, subject: Subject, context: ConnectorContext): Promise<Deferred> {
  const { discovery } = await discover(config);
  const missing = unsupportedBy(discovery, config, [type]);
  // The processor says it cannot do this: retrying will not change that.
  if (missing.length > 0)
    throw new UnrecoverableError(`${processorDomainOf(config)} does not support ${missing.join(" nor ")} (its /discovery)`);
  const id = subjectRequestIdFor(context.taskId);
  const body: OpendsrRequestBody = {
    regulation: config.regulation,
    subject_request_id: id,
    subject_request_type: type,
    submitted_time: new Date().toISOString(),
    subject_identities: identitiesFor(config, subject),
    api_version: config.apiVersion,
    status_callback_urls: [callbackUrlFor(context.taskId)],
  };
  const answer = await callOpendsr(config, "POST", "/requests", body, context.signal);
  const where = placeOf(endpointOf(config, "/requests"));
  if (answer.status < 200 || answer.status > 299) {
    // A retry after an answer that got lost: the processor already holds this id.
    const known = answer.status === 400 || answer.status === 409 ? await statusOf(config, id).catch(() => null) : null;
    if (!known) {
      throw new OpendsrError(`${where} answered ${answer.status}: ${answerExcerpt(answer.text, config)}`, answer.status, {
        elapsedMs: answer.elapsedMs,
      });
    }
  }
  return { deferred: "callback", until: new Date(Date.now() + config.waitDays * 24 * 3600_000) };
}

/** The processor's signed status of a request, or null when it does not know the id. */
async function statusOf(config: OpendsrConfig, id: string): Promise<OpendsrStatus | null> {
  const path = `/requests/${id}`;
  const answer = await callOpendsr(config, "GET", path);
  const where = placeOf(endpointOf(config, path));
  if (answer.status === 404) return null;
  if (answer.status !== 200) {
    throw new OpendsrError(`${where} answered ${answer.status}: ${answerExcerpt(answer.text, config)}`, answer.status);
  }
  const signed = verifyOpendsrSignature({
    certificate: config.certificate,
    domain: processorDomainOf(config),
    rawBody: answer.text,
    signatureHeader: headerValue(answer.headers[OPENDSR_SIGNATURE_HEADER.toLowerCase()]),
    domainHeader: headerValue(answer.headers[OPENDSR_DOMAIN_HEADER.toLowerCase()]),
  });
  if (!signed.ok) throw new OpendsrError(`${where} answered with a status whose signature does not hold (${signed.reason})`, 200);
  const parsed = opendsrStatusSchema.safeParse(safeJson(answer.text));
  if (!parsed.success || parsed.data.subject_request_id !== id) {
    throw new OpendsrError(`${where} answered 200 without the status of this request`, 200);
  }
  if (config.controllerId && parsed.data.controller_id !== config.controllerId) {
    throw new OpendsrError(`${where} answered with the status of another controller`, 200);
  }
  return parsed.data;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join("") : value;
}

function readCallback(config: OpendsrConfig, rawBody: string, headers: Headers, context: ConnectorContext): CallbackReading {
  const domain = processorDomainOf(config);
  const signed = verifyOpendsrSignature({
    certificate: config.certificate,
    domain,
    rawBody,
    signatureHeader: headers.get(OPENDSR_SIGNATURE_HEADER),
    domainHeader: headers.get(OPENDSR_DOMAIN_HEADER),
  });
  if (!signed.ok) return { ok: false, reason: signed.reason };
  // Parsed only now that the bytes are known to come from the processor.
  const parsed = opendsrStatusSchema.safeParse(safeJson(rawBody));
  if (!parsed.success) return { ok: false, reason: "not-a-status" };
  const status = parsed.data;
  if (status.subject_request_id !== subjectRequestIdFor(context.taskId)) return { ok: false, reason: "other-request" };
  // The specification's last check: the callback names this very endpoint.
  if (status.status_callback_url && status.status_callback_url !== callbackUrlFor(context.taskId)) {
    return { ok: false, reason: "other-callback-url" };
  }
  if (config.controllerId && status.controller_id !== config.controllerId) return { ok: false, reason: "other-controller" };
  return { ok: true, answer: answerFor(status, context.action, domain, "callback") };
}

export const opendsrConnector: ConnectorType<OpendsrConfig> = {
  type: "opendsr",
  configSchema: opendsrConfigSchema,
  secretPaths: opendsrSecretPaths,

  async test(config) {
    // The status and the time only, and what the processor lacks: never the document itself.
    const where = placeOf(endpointOf(config, "/discovery"));
    try {
      const { discovery, elapsedMs } = await discover(config);
      const missing = unsupportedBy(discovery, config, ["access", "erasure"]);
      if (missing.length > 0)
        return { ok: false, message: `${where} answered 200 in ${elapsedMs} ms but does not support ${missing.join(" nor ")}` };
      return { ok: true, message: `${where} answered 200 in ${elapsedMs} ms and supports the configured identities` };
    } catch (error) {
      if (!(error instanceof OpendsrError)) return { ok: false, message: `The discovery call to ${where} failed` };
      const { code, elapsedMs } = error.details;
      const after = elapsedMs === undefined ? "" : ` after ${elapsedMs} ms`;
      if (error.status === 401 || error.status === 403)
        return { ok: false, message: `${where} answered ${error.status}${after}: check apiKey and apiSecret` };
      if (error.status !== undefined)
        return { ok: false, message: `${where} answered ${error.status}${after}; expected 200 with its discovery document` };
      if (code === "ETIMEDOUT" || code === "EREFUSEDADDRESS") return { ok: false, message: error.message };
      return { ok: false, message: `Could not reach ${where}${code ? ` (${code})` : ""}${after}` };
    }
  },

  async access(config, subject, context) {
    return submit(config, context.action === "portability" ? "portability" : "access", subject, context);
  },

  async erase(config, subject, context) {
    return submit(config, "erasure", subject, context);
  },

  async rectify(_config, _subject, corrections) {
    // OpenDSR has no rectification request type (opendsrRequestTypes): every field is left to staff.
    return { applied: [], unmapped: corrections.map((correction) => correction.field) };
  },

  async poll(config, context): Promise<LaterAnswer> {
    const status = await statusOf(config, subjectRequestIdFor(context.taskId));
    if (!status) return { state: "failed", message: `${processorDomainOf(config)} does not know this request any more (404)` };
    return answerFor(status, context.action, processorDomainOf(config), "poll");
  },

  pollIntervalSeconds: (config) => config.pollIntervalMinutes * 60,

  readCallback,

  async cancel(config, context) {
    if (!opendsrRequestTypes[context.action]) return "cancelled";
    const path = `/requests/${subjectRequestIdFor(context.taskId)}`;
    const answer = await callOpendsr(config, "DELETE", path);
    if (answer.status >= 200 && answer.status <= 299) return "cancelled";
    if (answer.status === 404) return "cancelled";
    // The processor accepts a cancellation only while the request is pending.
    if (answer.status === 400 || answer.status === 409) return "refused";
    throw new OpendsrError(`${placeOf(endpointOf(config, path))} answered ${answer.status} to the cancellation`, answer.status);
  },
};
