import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "../errors.ts";
import { MAX_JSON_BODY_BYTES, readJsonBody, readOptionalJsonBody } from "./read-json-body.ts";

const url = "http://localhost:3000/api/v1/requests";
const json = { "content-type": "application/json" };

function post(body: BodyInit | null, headers: Record<string, string> = json): Request {
  return new Request(url, { method: "POST", headers, body });
}

/** A chunked body with no Content-Length; `cancelled` turns true when the reader gives up on it. */
function streamed(chunks: Iterable<Uint8Array>) {
  const state = { cancelled: false, pulled: 0 };
  const iterator = chunks[Symbol.iterator]();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else {
        state.pulled++;
        controller.enqueue(next.value);
      }
    },
    cancel() {
      state.cancelled = true;
    },
  });
  const request = new Request(url, { method: "POST", headers: json, body, duplex: "half" } as RequestInit);
  return { request, state };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

async function expectRefusal(promise: Promise<unknown>, code: ErrorCode, message: RegExp) {
  const error = await refusal(promise);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

describe("readJsonBody", () => {
  it("returns the parsed object and the exact text that was sent", async () => {
    const raw = '{ "type": "access", "email": "jane.doe@example.com" }';
    expect(await readJsonBody(post(raw))).toEqual({ value: { type: "access", email: "jane.doe@example.com" }, raw });
  });

  it("accepts a JSON content type with a charset", async () => {
    const result = await readJsonBody(post('{"a":1}', { "content-type": "application/json; charset=utf-8" }));
    expect(result.value).toEqual({ a: 1 });
  });

  it("accepts application/merge-patch+json", async () => {
    const result = await readJsonBody(post('{"details":null}', { "content-type": "application/merge-patch+json" }));
    expect(result.value).toEqual({ details: null });
  });

  it("keeps accented text that arrives split across chunks", async () => {
    const bytes = new TextEncoder().encode('{"fullName":"Élodie Müller"}');
    const cut = bytes.indexOf(0xc3) + 1; // in the middle of the two bytes of "É"
    const { request } = streamed([bytes.subarray(0, cut), bytes.subarray(cut)]);
    expect((await readJsonBody(request)).value).toEqual({ fullName: "Élodie Müller" });
  });

  it.each<{ what: string; headers: Record<string, string> }>([
    { what: "a form", headers: { "content-type": "application/x-www-form-urlencoded" } },
    { what: "plain text", headers: { "content-type": "text/plain" } },
    { what: "JSONP", headers: { "content-type": "application/jsonp" } },
    { what: "no content type", headers: {} },
  ])("refuses $what and says to send JSON", async ({ headers }) => {
    await expectRefusal(readJsonBody(post('{"a":1}', headers)), "UNSUPPORTED_MEDIA_TYPE", /Content-Type: application\/json/);
  });

  it("refuses a body whose declared length is over the limit, before reading it", async () => {
    const request = post('{"a":1}', { ...json, "content-length": String(MAX_JSON_BODY_BYTES + 1) });
    await expectRefusal(readJsonBody(request), "PAYLOAD_TOO_LARGE", /larger than 64 KB/);
    expect(request.bodyUsed).toBe(false);
  });

  it("refuses a chunked body without a Content-Length once it passes the limit, and stops reading it", async () => {
    // An endless stream of 16 KB chunks: the reader must give up on its own.
    function* endless() {
      for (;;) yield new Uint8Array(16 * 1024).fill(0x20);
    }
    const { request, state } = streamed(endless());
    expect(request.headers.get("content-length")).toBeNull();
    await expectRefusal(readJsonBody(request), "PAYLOAD_TOO_LARGE", /larger than 64 KB/);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(10);
  });

  it("counts bytes, not characters, against the limit", async () => {
    // 12 characters, 22 bytes.
    await expectRefusal(readJsonBody(post('"éééééééééé"'), 16), "PAYLOAD_TOO_LARGE", /larger than/);
  });

  it("accepts a body of exactly the limit", async () => {
    const raw = JSON.stringify({ details: "x".repeat(MAX_JSON_BODY_BYTES - 14) });
    expect(Buffer.byteLength(raw)).toBe(MAX_JSON_BODY_BYTES);
    expect((await readJsonBody(post(raw))).raw).toBe(raw);
  });

  it("refuses a body one byte over the limit", async () => {
    const raw = JSON.stringify({ details: "x".repeat(MAX_JSON_BODY_BYTES - 13) });
    await expectRefusal(readJsonBody(post(raw)), "PAYLOAD_TOO_LARGE", /larger than 64 KB/);
  });

  it.each([
    { what: "an empty body", body: "" },
    { what: "a body of spaces", body: "  \n " },
    { what: "no body at all", body: null },
  ])("refuses $what and says a JSON object is expected", async ({ body }) => {
    await expectRefusal(readJsonBody(post(body)), "BAD_REQUEST", /^The body is empty: send a JSON object\.$/);
  });

  it.each(['{"type": "access",', "{type: 'access'}", "not json"])("refuses the broken JSON %j and says so", async (body) => {
    await expectRefusal(readJsonBody(post(body)), "BAD_REQUEST", /^The body is not valid JSON\.$/);
  });
});

describe("readOptionalJsonBody", () => {
  const empty = () => new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });

  it("takes no body as {}, with no Content-Type (curl -X POST) and from a stream that sends nothing", async () => {
    expect(await readOptionalJsonBody(post(null, {}))).toEqual({ value: {}, raw: "" });
    const streamedEmpty = new Request(url, { method: "POST", body: empty(), duplex: "half" } as RequestInit);
    expect(await readOptionalJsonBody(streamedEmpty)).toEqual({ value: {}, raw: "" });
  });

  it("still wants JSON when a body is sent, and still limits its size", async () => {
    expect((await refusal(readOptionalJsonBody(post("a=b", { "content-type": "application/x-www-form-urlencoded" })))).code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
    expect((await refusal(readOptionalJsonBody(post("{nope")))).code).toBe("BAD_REQUEST");
    expect(await readOptionalJsonBody(post("{}"))).toEqual({ value: {}, raw: "{}" });
    expect((await refusal(readOptionalJsonBody(post("x".repeat(MAX_JSON_BODY_BYTES + 1))))).code).toBe("PAYLOAD_TOO_LARGE");
  });
});
