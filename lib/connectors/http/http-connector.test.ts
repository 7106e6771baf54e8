// The http connector against a local system that checks signatures as the protocol asks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccessRecord, Deferred, Subject } from "../connector.ts";
import {
  type HttpConfig,
  httpConfigSchema,
  httpConnector,
  parseCallbackResult,
  requestBodySchema,
  signPayload,
  verifySignature,
} from "./index.ts";

// Hoisted above the imports, so the configuration is in place before anything reads it; nothing connects to these.
vi.hoisted(() => {
  process.env.APP_URL = "http://127.0.0.1:3000";
  process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
  process.env.SMTP_URL = "smtp://127.0.0.1:1025";
  process.env.MAIL_FROM = "a@b.test";
  process.env.REDIS_URL = "redis://127.0.0.1:6379";
  process.env.ENCRYPTION_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  // The system below listens on loopback, which connectors may call only when it is listed.
  process.env.CONNECTOR_ALLOWED_HOSTS = "127.0.0.1";
});

const SECRET = "the-shared-secret-of-the-crm-0123456789";
const subject = { email: "ada@example.test", accountId: "cus_42", fullName: null };
const context = { taskId: "task-1", requestId: "req-1", reference: "DSR-2026-0001", action: "access" as const };

type Received = { headers: IncomingMessage["headers"]; raw: string; json: Record<string, unknown> };
type Reply = (res: ServerResponse, received: Received) => void;

let server: Server;
let url: string;
let reply: Reply;
let received: Received[];

function json(status: number, body: unknown): Reply {
  return (res) => {
    res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
  };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const check = verifySignature({
        secret: SECRET,
        rawBody: raw,
        timestampHeader: req.headers["x-dsar-timestamp"] as string | undefined,
        signatureHeader: req.headers["x-dsar-signature"] as string | undefined,
      });
      if (!check.ok) {
        res.writeHead(401).end(`signature refused: ${check.reason}`);
        return;
      }
      const entry = { headers: req.headers, raw, json: JSON.parse(raw) };
      received.push(entry);
      reply(res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dsar`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  reply = json(500, { error: "no reply set" });
});

function config(overrides: Partial<HttpConfig> = {}): HttpConfig {
  return httpConfigSchema.parse({ url, secret: SECRET, ...overrides });
}

async function collect(records: AsyncIterable<AccessRecord>): Promise<AccessRecord[]> {
  const all: AccessRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe("http connector, what the system receives", () => {
  it("a signed JSON body with the person, the task and the callback address", async () => {
    reply = json(200, { records: [] });
    // One fixed instant for the connector and the system (only Date: the sockets keep their timers).
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-02T10:15:30.750Z") });
    try {
      await httpConnector.access(config({ headers: { "X-Tenant": "shop" } }), subject, context);
    } finally {
      vi.useRealTimers();
    }
    expect(received).toHaveLength(1);
    const [{ headers, json: body }] = received;
    expect(headers["content-type"]).toBe("application/json");
    // The Unix time of the call, in whole seconds.
    expect(headers["x-dsar-timestamp"]).toBe(String(Date.UTC(2026, 2, 2, 10, 15, 30) / 1000));
    expect(headers["x-dsar-signature"]).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(headers["x-tenant"]).toBe("shop");
    expect(body).toEqual({
      requestId: "req-1",
      taskId: "task-1",
      reference: "DSR-2026-0001",
      action: "access",
      subject: { email: "ada@example.test", accountId: "cus_42" },
      callbackUrl: "http://127.0.0.1:3000/api/v1/connector-callbacks/task-1",
    });
    expect(requestBodySchema.safeParse(body).success).toBe(true);
  });

  it("only the verified email when no account number was confirmed, and never anything else about the person", async () => {
    reply = json(200, { affected: 0, details: [] });
    const typedOnly = { email: "ada@example.test", accountId: null, fullName: "Ada Byron", details: "C-1042" } as unknown as Subject;
    await httpConnector.erase(config(), typedOnly, { ...context, action: "erasure" });
    expect((received[0].json as { subject: unknown }).subject).toEqual({ email: "ada@example.test" });
  });

  it("an opt-out relayed by account id alone: the account id, and no email key at all", async () => {
    reply = json(200, { switchedOff: [{ category: "contacts", settings: { do_not_sell: true }, rows: 1 }] });
    const receipt = await httpConnector.applyPreference!(config(), { email: null, accountId: "cus_42" }, "opt_out", {
      ...context,
      action: "opt_out",
    });
    expect(receipt).toEqual({ kind: "opt_out", switchedOff: [{ category: "contacts", settings: { do_not_sell: true }, rows: 1 }] });
    expect((received[0].json as { subject: unknown }).subject).toEqual({ accountId: "cus_42" });
    expect(requestBodySchema.safeParse(received[0].json).success).toBe(true);
  });

  it("a signature the system refuses when the secrets differ", async () => {
    reply = json(200, { records: [] });
    const wrong = config({ secret: "not-the-secret-the-crm-holds-0123456789" });
    await expect(httpConnector.erase(wrong, subject, context)).rejects.toThrow(/answered 401: signature refused: mismatch/);
    expect(received).toHaveLength(0);
    const raw = JSON.stringify({ action: "erasure" });
    const forged = signPayload(wrong.secret, raw);
    expect(verifySignature({ secret: SECRET, rawBody: raw, timestampHeader: forged.timestamp, signatureHeader: forged.signature })).toEqual(
      {
        ok: false,
        reason: "mismatch",
      },
    );
  });

  it("test connection: a signed call with no personal data", async () => {
    reply = (res) => res.writeHead(204).end();
    await expect(httpConnector.test(config())).resolves.toEqual({
      ok: true,
      message: expect.stringMatching(new RegExp(`^${url} accepted a signed test call \\(204, \\d+ ms\\)$`)),
    });
    expect(received[0].json).toEqual({ requestId: null, taskId: null, reference: null, action: "test", subject: null, callbackUrl: null });
    expect(requestBodySchema.safeParse(received[0].json).success).toBe(true);
  });

  it("test connection shows the status and the time taken, never what the address answered", async () => {
    reply = (res) => res.writeHead(500, { "Content-Type": "text/html" }).end("<h1>Router admin</h1> firmware 1.2.3, user admin");
    const failed = await httpConnector.test(config());
    expect(failed).toEqual({
      ok: false,
      message: expect.stringMatching(new RegExp(`^${url} answered 500 after \\d+ ms to the test call; expected 200 or 204$`)),
    });
    reply = (res) => res.writeHead(201, { "Content-Type": "text/plain" }).end("Router admin");
    const created = await httpConnector.test(config());
    expect(created.message).toMatch(/answered 201 in \d+ ms to the test call/);
    expect(created.message).not.toContain("Router");
    // A task's error still tells staff what the system said.
    reply = (res) => res.writeHead(500, { "Content-Type": "text/plain" }).end("order table locked");
    await expect(httpConnector.erase(config(), subject, context)).rejects.toThrow(/answered 500: order table locked/);
  });

  it("test connection with the wrong secret: a message saying what to check", async () => {
    const result = await httpConnector.test(config({ secret: "not-the-secret-the-crm-holds-0123456789" }));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/answered 401.*same secret/);
  });
});

describe("http connector, answers at once", () => {
  it("access: the records, one by one", async () => {
    reply = json(200, {
      records: [
        { category: "customers", fields: { email: "ada@example.test", name: "Ada" } },
        { category: "orders", fields: { id: 7, total: 12.5 } },
      ],
      nextPage: "ignored",
    });
    const result = await httpConnector.access(config(), subject, context);
    expect(await collect(result as AsyncIterable<AccessRecord>)).toEqual([
      { source: "", category: "customers", fields: { email: "ada@example.test", name: "Ada" } },
      { source: "", category: "orders", fields: { id: 7, total: 12.5 } },
    ]);
  });

  it("erasure: the receipt", async () => {
    const receipt = {
      affected: 4,
      details: [
        { category: "customers", strategy: "delete", rows: 1 },
        { category: "invoices", strategy: "retain", rows: 3, reason: "kept 10 years for tax law" },
      ],
    };
    reply = json(200, receipt);
    await expect(httpConnector.erase(config(), subject, context)).resolves.toEqual(receipt);
    expect(received[0].json.action).toBe("erasure");
  });

  it("rectification: the corrections sent, what was applied and what was not", async () => {
    const receipt = { applied: [{ field: "fullName", category: "customers", column: "name", rows: 1 }], unmapped: ["favouriteColour"] };
    reply = json(200, receipt);
    const corrections = [
      { field: "fullName", correctValue: "Ada Lovelace", currentValue: "Ada Byron" },
      { field: "favouriteColour", correctValue: "green" },
    ];
    await expect(httpConnector.rectify(config(), subject, corrections, context)).resolves.toEqual(receipt);
    expect(received[0].json).toMatchObject({ action: "rectification", corrections });
  });
});

describe("http connector, answers later", () => {
  it("a 202 means: wait for the callback until callbackWaitMinutes from now", async () => {
    reply = json(202, { accepted: true });
    for (const call of [
      () => httpConnector.access(config({ callbackWaitMinutes: 90 }), subject, context),
      () => httpConnector.erase(config({ callbackWaitMinutes: 90 }), subject, context),
      () => httpConnector.rectify(config({ callbackWaitMinutes: 90 }), subject, [], context),
    ]) {
      const now = new Date("2026-03-02T10:15:30.750Z");
      vi.useFakeTimers({ toFake: ["Date"], now });
      let result: Deferred;
      try {
        result = (await call()) as Deferred;
      } finally {
        vi.useRealTimers();
      }
      expect(result.deferred).toBe("callback");
      expect((result as { until: Date }).until).toEqual(new Date(now.getTime() + 90 * 60_000));
    }
  });

  it("the callback: signed the same way, parsed for its action", () => {
    const raw = JSON.stringify({ affected: 1, details: [{ category: "customers", strategy: "mask", rows: 1 }] });
    const signed = signPayload(SECRET, raw);
    expect(verifySignature({ secret: SECRET, rawBody: raw, timestampHeader: signed.timestamp, signatureHeader: signed.signature })).toEqual(
      { ok: true },
    );
    expect(parseCallbackResult("erasure", JSON.parse(raw))).toEqual({
      affected: 1,
      details: [{ category: "customers", strategy: "mask", rows: 1 }],
    });
    expect(parseCallbackResult("portability", { records: [{ category: "orders", fields: { id: 1 } }] })).toEqual([
      { source: "", category: "orders", fields: { id: 1 } },
    ]);
    expect(parseCallbackResult("rectification", { applied: [], unmapped: ["email"] })).toEqual({ applied: [], unmapped: ["email"] });
    expect(() => parseCallbackResult("rectification", { applied: [] })).toThrow("Malformed rectification result: unmapped: ");
    expect(() => parseCallbackResult("access", { records: [{ fields: {} }] })).toThrow(/records\[0\]\.category/);
  });
});

describe("http connector, failures", () => {
  it("a 500: the status and at most 300 characters of the body, never the secret", async () => {
    const body = `Internal error, config was secret=${SECRET} ${"x".repeat(1000)}`;
    reply = (res) => res.writeHead(500, { "Content-Type": "text/plain" }).end(body);
    const error = await httpConnector.erase(config(), subject, context).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`${url} answered 500: Internal error, config was secret=••••••`);
    expect(message).not.toContain(SECRET);
    const excerpt = message.slice(message.indexOf(": ") + 2);
    expect(excerpt.length).toBeLessThanOrEqual(301);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  it("a malformed answer: an error naming the wrong field", async () => {
    reply = json(200, { affected: 1, details: [{ category: "customers", strategy: "shred", rows: 1 }] });
    await expect(httpConnector.erase(config(), subject, context)).rejects.toThrow(
      /answered 200: Malformed erasure result: details\[0\]\.strategy: /,
    );
    reply = json(200, { records: [{ category: "orders", fields: "id=1" }] });
    await expect(httpConnector.access(config(), subject, context)).rejects.toThrow(/records\[0\]\.fields/);
  });

  it("an answer that is not JSON, or not 200 or 202", async () => {
    reply = (res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<html>login</html>");
    await expect(httpConnector.erase(config(), subject, context)).rejects.toThrow(/answered 200 but not with JSON: <html>login<\/html>/);
    reply = (res) => res.writeHead(204).end();
    await expect(httpConnector.erase(config(), subject, context)).rejects.toThrow(/answered 204; expected 200 with the result, or 202/);
  });

  it("a redirect is not followed", async () => {
    reply = (res) => res.writeHead(307, { Location: "https://elsewhere.example/dsar" }).end();
    await expect(httpConnector.erase(config(), subject, context)).rejects.toThrow(/answered 307/);
    expect(received).toHaveLength(1);
  });

  it("a system that never answers: a timeout after timeoutSeconds", async () => {
    // The system holds the request; the connector's clock is driven by hand, so the test checks
    // when the call gives up (exactly timeoutSeconds after sending) without waiting or timing it.
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    reply = () => arrived();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const outcome = httpConnector.erase(config({ timeoutSeconds: 2 }), subject, context).then(
        () => "answered",
        (error: Error) => error.message,
      );
      await requestArrived;
      // The one pending timer is the call's deadline: 1 ms before it, nothing has fired.
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(1_999);
      expect(vi.getTimerCount()).toBe(1);
      vi.advanceTimersByTime(1);
      expect(vi.getTimerCount()).toBe(0);
      expect(await outcome).toBe(`${url} did not answer within 2 s (timeoutSeconds)`);
    } finally {
      vi.useRealTimers();
    }
  });

  it("a system that cannot be reached: an error saying so", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(httpConnector.erase(config({ url: `http://127.0.0.1:${port}/dsar` }), subject, context)).rejects.toThrow(
      new RegExp(`Could not reach http://127.0.0.1:${port}/dsar: .*ECONNREFUSED`),
    );
    const result = await httpConnector.test(config({ url: `http://127.0.0.1:${port}/dsar` }));
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/^Could not reach http:\/\/127\.0\.0\.1:\d+\/dsar \(ECONNREFUSED\) after \d+ ms$/),
    });
  });

  it.each([
    ["loopback not listed", "https://127.0.0.2:PORT/dsar", "loopback"],
    ["IPv6 loopback", "https://[::1]:PORT/dsar", "loopback"],
    ["IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.2]:PORT/dsar", "loopback"],
    ["cloud metadata", "https://169.254.169.254/latest/meta-data", "link-local"],
    ["private network", "https://10.20.30.40/dsar", "private"],
    ["private network, mapped", "https://[::ffff:192.168.1.1]/dsar", "private"],
    ["the unspecified address", "https://0.0.0.0:PORT/dsar", "unspecified"],
  ])("an address inside the network (%s) is refused before any connection, for tasks and tests", async (_, address, kind) => {
    const target = address.replace("PORT", new URL(url).port);
    await expect(httpConnector.erase(config({ url: target }), subject, context)).rejects.toThrow(
      new RegExp(
        `^Refused to call .* resolves to a ${kind} address, which connectors may not call unless CONNECTOR_ALLOWED_HOSTS lists the host$`,
      ),
    );
    const tested = await httpConnector.test(config({ url: target }));
    expect(tested).toEqual({ ok: false, message: expect.stringMatching(new RegExp(`a ${kind} address`)) });
    expect(received).toHaveLength(0);
  });

  it("a call the worker cancels stops at once", async () => {
    reply = () => {};
    const controller = new AbortController();
    const call = httpConnector.erase(config(), subject, { ...context, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(call).rejects.toThrow(/was cancelled/);
  });
});
