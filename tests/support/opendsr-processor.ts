// A small OpenDSR 2.0 processor for the opendsr connector's tests, written to the specification:
// GET /v2/discovery, POST /v2/requests (201, signed), GET and DELETE /v2/requests/{id} (signed;
// cancellation only while pending), HTTP Basic credentials, and signed status callbacks
// (X-OpenDSR-Signature, X-OpenDSR-Processor-Domain) to each status_callback_url. Its key and
// certificate are made when it starts. The test completes requests (complete), can lose callbacks
// (dropCallbacks) or sign them with another key (forgeCallbacks); every call is recorded.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { signOpendsrBody } from "../../lib/connectors/opendsr/signature.ts";
import { makeTestCertificate } from "./test-certificate.ts";

export type ProcessorRequest = {
  body: Record<string, unknown> & { subject_request_id: string; subject_request_type: string; status_callback_urls: string[] };
  status: "pending" | "in_progress" | "completed" | "cancelled";
  resultsCount: number | null;
  submissions: number;
};

export type RecordedCall = { method: string; path: string; authorization: string | undefined; body: string };

export async function startOpendsrProcessor(options: { domain?: string; apiKey: string; apiSecret: string; controllerId?: string }) {
  const domain = options.domain ?? "opendsr.processor.test";
  const controllerId = options.controllerId ?? "controller-7";
  const { certificatePem, privateKey } = makeTestCertificate(domain);
  const forger = makeTestCertificate(domain);
  const requests = new Map<string, ProcessorRequest>();
  const calls: RecordedCall[] = [];
  const callbackAnswers: number[] = [];
  const settings = { dropCallbacks: false, forgeCallbacks: false, supportedTypes: ["access", "portability", "erasure"] };
  const expectedAuth = `Basic ${Buffer.from(`${options.apiKey}:${options.apiSecret}`).toString("base64")}`;

  function statusOf(request: ProcessorRequest) {
    return {
      controller_id: controllerId,
      expected_completion_time: "2030-01-01T00:00:00Z",
      subject_request_id: request.body.subject_request_id,
      request_status: request.status,
      api_version: "2.0",
      results_url: request.status === "completed" && request.body.subject_request_type !== "erasure" ? `https://${domain}/results/x` : null,
      results_count: request.status === "completed" ? request.resultsCount : null,
    };
  }

  function signedHeaders(raw: string, key = privateKey) {
    return {
      "Content-Type": "application/json",
      "X-OpenDSR-Processor-Domain": domain,
      "X-OpenDSR-Signature": signOpendsrBody(key, raw),
    };
  }

  async function sendCallbacks(request: ProcessorRequest) {
    if (settings.dropCallbacks) return;
    for (const url of request.body.status_callback_urls) {
      const raw = JSON.stringify({ ...statusOf(request), status_callback_url: url });
      const answer = await fetch(url, {
        method: "POST",
        headers: signedHeaders(raw, settings.forgeCallbacks ? forger.privateKey : privateKey),
        body: raw,
      });
      callbackAnswers.push(answer.status);
    }
  }

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = new URL(req.url ?? "/", "http://processor").pathname;
    calls.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization, body });
    const reply = (status: number, value: unknown) => {
      const raw = JSON.stringify(value);
      res.writeHead(status, signedHeaders(raw)).end(raw);
    };
    const fail = (status: number, message: string) => reply(status, { error: { code: status, message } });
    if (req.headers.authorization !== expectedAuth) return fail(401, "The credentials provided in the request are not valid.");
    if (req.method === "GET" && path === "/v2/discovery") {
      return reply(200, {
        api_version: "2.0",
        supported_identities: [
          { identity_type: "email", identity_format: "raw" },
          { identity_type: "email", identity_format: "sha256" },
          { identity_type: "controller_customer_id", identity_format: "raw" },
        ],
        supported_subject_request_types: settings.supportedTypes,
        processor_certificate: `https://${domain}/cert.pem`,
      });
    }
    if (req.method === "POST" && path === "/v2/requests") {
      const parsed = JSON.parse(body) as ProcessorRequest["body"];
      for (const field of ["regulation", "subject_request_id", "subject_request_type", "submitted_time", "subject_identities"]) {
        if (!(field in parsed)) return fail(400, `${field} field is required`);
      }
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(parsed.subject_request_id)) {
        return fail(400, "subject_request_id must be a lowercase UUID v4");
      }
      const known = requests.get(parsed.subject_request_id);
      if (known) {
        known.submissions++;
        return fail(400, "Subject request already exists.");
      }
      const request: ProcessorRequest = { body: parsed, status: "pending", resultsCount: null, submissions: 1 };
      requests.set(parsed.subject_request_id, request);
      return reply(201, {
        controller_id: controllerId,
        expected_completion_time: "2030-01-01T00:00:00Z",
        received_time: new Date().toISOString(),
        encoded_request: Buffer.from(body).toString("base64"),
        subject_request_id: parsed.subject_request_id,
      });
    }
    const one = /^\/v2\/requests\/([0-9a-f-]{36})$/.exec(path);
    const request = one ? requests.get(one[1]) : undefined;
    if (one && !request) return fail(404, "The specified subject request id could not be found.");
    if (request && req.method === "GET") return reply(200, statusOf(request));
    if (request && req.method === "DELETE") {
      if (request.status !== "pending") return fail(400, "Only a pending request can be cancelled.");
      request.status = "cancelled";
      return reply(202, {
        controller_id: controllerId,
        received_time: new Date().toISOString(),
        subject_request_id: request.body.subject_request_id,
        api_version: "2.0",
      });
    }
    fail(404, "no such route");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    domain,
    controllerId,
    certificatePem,
    otherCertificatePem: forger.certificatePem,
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    calls,
    callbackAnswers,
    settings,
    /** The request the portal submitted for this identity value and type, once it has. */
    async waitForRequest(email: string, type: string, timeoutMs = 30_000): Promise<ProcessorRequest> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = [...requests.values()].find(
          (r) =>
            r.body.subject_request_type === type &&
            (r.body.subject_identities as Array<{ identity_value: string }>).some((i) => i.identity_value === email),
        );
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no ${type} request for ${email} reached the processor`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    /** The processor fulfils a request and calls back (unless callbacks are dropped). */
    async complete(id: string, resultsCount: number) {
      const request = requests.get(id);
      if (!request) throw new Error(`unknown request ${id}`);
      request.status = "completed";
      request.resultsCount = resultsCount;
      await sendCallbacks(request);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
