// Text no field may hold (NUL, other control characters, lone UTF-16 surrogates) in every text
// field of every public and staff API body, in the dashboard's search and in references in
// paths: a 400 naming the field (or a 404 for a path), never a 500, and nothing stored.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as approve } from "../../app/api/v1/requests/[reference]/approve/route.ts";
import { POST as assign } from "../../app/api/v1/requests/[reference]/assign/route.ts";
import { POST as close } from "../../app/api/v1/requests/[reference]/close/route.ts";
import { POST as confirmAccountId } from "../../app/api/v1/requests/[reference]/confirm-account-id/route.ts";
import { POST as deny } from "../../app/api/v1/requests/[reference]/deny/route.ts";
import { GET as evidence } from "../../app/api/v1/requests/[reference]/evidence/route.ts";
import { POST as extend } from "../../app/api/v1/requests/[reference]/extend/route.ts";
import { POST as requestInformation } from "../../app/api/v1/requests/[reference]/request-information/route.ts";
import { GET as getRequest } from "../../app/api/v1/requests/[reference]/route.ts";
import { POST as verify } from "../../app/api/v1/requests/[reference]/verify/route.ts";
import { POST as fileRequest, GET as listRequests } from "../../app/api/v1/requests/route.ts";
import { GET as exportCsv } from "../../app/staff/requests/export/route.ts";
import { createApiKey } from "../../lib/auth/create-api-key.ts";
import { db } from "../../lib/db.ts";
import { SOCKET_ADDRESS_HEADER } from "../../lib/http/client-address.ts";
import { getAs, postAs, storeRequest } from "../support/staff-api-calls.ts";
import { runWorkersDuringTests } from "../support/use-workers.ts";

runWorkersDuringTests();

const HOSTILE = { nul: "a\u0000b", "lone surrogate": "a\uD800b", "low surrogate": "\uDC00", escape: "a\u001bb" } as const;
/** A URL cannot carry a lone surrogate (it arrives as U+FFFD): queries get the control characters. */
const HOSTILE_IN_QUERY = [HOSTILE.nul, HOSTILE.escape, "\u007f", "a\r\nb"];

let n = 0;
const nextAddress = () => `10.77.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;
let adminKey = "";

beforeAll(async () => {
  adminKey = (await createApiKey({ name: "Hostile text", role: "admin" })).key;
});

type ErrorBody = { error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };

async function expectFieldRefused(response: Response, field: string) {
  expect(response.status, `${field}`).toBe(400);
  const { error } = (await response.json()) as ErrorBody;
  expect(error.issues?.map((issue) => issue.path)).toContain(field);
  expect(error.message).toContain(field);
}

function publicPost(body: unknown) {
  return new Request("http://localhost/api/v1/requests", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json", [SOCKET_ADDRESS_HEADER]: nextAddress() },
  });
}

/** Sets `value` at a dotted path ("corrections.0.field") of a copy of `body`. */
function withValue(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split(".");
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
  return copy;
}

describe("public API bodies", () => {
  const base = {
    type: "rectification",
    email: "hostile@example.test",
    country: "US",
    region: "US-CA",
    fullName: "Ana Pérez",
    accountId: "C-1",
    details: "Line one\nline two",
    corrections: [{ field: "address", correctValue: "1 Main St", currentValue: "2 Main St" }],
  };
  const fields = [
    "type",
    "email",
    "country",
    "region",
    "fullName",
    "accountId",
    "details",
    "corrections.0.field",
    "corrections.0.correctValue",
    "corrections.0.currentValue",
  ];

  it.each(Object.entries(HOSTILE))(
    "refuses %s in each text field of POST /requests with a 400 naming it, storing nothing",
    async (_, bad) => {
      for (const field of fields) {
        const email = `hostile-${field.replace(/\W/g, "")}-${Date.now()}@example.test`;
        const body = withValue({ ...base, email }, field, field === "email" ? `${bad}${email}` : bad);
        await expectFieldRefused(await fileRequest(publicPost(body)), field);
        expect(await db().dsarRequest.count({ where: { email } })).toBe(0);
      }
    },
  );

  it("keeps line breaks in the multi-line fields", async () => {
    const response = await fileRequest(publicPost({ ...base, email: `lines${Date.now()}@example.test` }));
    expect(response.status).toBe(202);
  });

  it("refuses a hostile code, and answers 404 for a reference of the wrong shape", async () => {
    const { reference } = await storeRequest({ status: "SUBMITTED" });
    for (const bad of Object.values(HOSTILE)) {
      const call = (ref: string, code: string) =>
        verify(
          new Request(`http://localhost/api/v1/requests/x/verify`, {
            method: "POST",
            body: JSON.stringify({ code }),
            headers: { "content-type": "application/json", [SOCKET_ADDRESS_HEADER]: nextAddress() },
          }),
          { params: Promise.resolve({ reference: ref }) },
        );
      await expectFieldRefused(await call(reference, bad), "code");
      expect((await call(`DSR-${bad}`, "123456")).status).toBe(404);
      expect((await call(`${reference}${bad}`, "123456")).status).toBe(404);
    }
  });
});

describe("staff API bodies, queries and paths", () => {
  // Free text is long enough for every length rule, so only its characters can be refused.
  const long = (bad: string) => `Long enough text ${bad} to pass every minimum length.`;
  const bodies = [
    { handler: deny, status: "VERIFIED", body: { reason: "other", message: long("") }, fields: ["reason", "message"] },
    { handler: extend, status: "VERIFIED", body: { reason: long("") }, fields: ["reason"] },
    { handler: requestInformation, status: "VERIFIED", body: { message: long("") }, fields: ["message", "kind"] },
    { handler: assign, status: "VERIFIED", body: { userEmail: "agent@example.test" }, fields: ["userEmail"] },
    { handler: close, status: "APPROVED", body: { outcome: "partially_fulfilled", message: long("") }, fields: ["outcome", "message"] },
  ] as const;
  const freeText = new Set(["message", "reason"]);

  it.each(Object.entries(HOSTILE))(
    "refuses %s in each text field of each action with a 400 naming it, changing nothing",
    async (_, bad) => {
      for (const { handler, status, body, fields } of bodies) {
        for (const field of fields) {
          const stored = await storeRequest({ status });
          const value = freeText.has(field) && !(handler === deny && field === "reason") ? long(bad) : bad;
          const response = await postAs(handler, adminKey, stored.reference, { ...body, [field]: value });
          await expectFieldRefused(response, field);
          const after = await db().dsarRequest.findUniqueOrThrow({ where: { id: stored.id } });
          expect(after.updatedAt, field).toEqual(stored.updatedAt);
        }
      }
    },
  );

  it("answers 404, not 500, for a reference of the wrong shape on every route that takes one", async () => {
    const handlers = [approve, deny, extend, requestInformation, assign, close, confirmAccountId];
    for (const bad of [...Object.values(HOSTILE), "%E0%A4%A", "DSR-AAAA-BBBB\u0000"]) {
      for (const handler of handlers) expect((await postAs(handler, adminKey, bad, {})).status).toBe(404);
      expect((await getAs(getRequest, adminKey, `/requests/x`, bad)).status).toBe(404);
      expect((await getAs(evidence as Parameters<typeof getAs>[0], adminKey, `/requests/x/evidence`, bad)).status).toBe(404);
    }
  });

  it("refuses hostile values in the list's query with a 400 naming the parameter", async () => {
    for (const bad of HOSTILE_IN_QUERY) {
      for (const param of ["status", "type", "jurisdiction", "dueBefore", "sort", "order", "page", "pageSize"]) {
        const response = await getAs(listRequests, adminKey, `/requests?${new URLSearchParams({ [param]: bad })}`);
        await expectFieldRefused(response, param);
      }
    }
  });

  it("refuses hostile text in the dashboard's search (q) with a 400 naming it", async () => {
    for (const bad of HOSTILE_IN_QUERY) {
      const response = await exportCsv(
        new Request(`http://localhost/staff/requests/export?${new URLSearchParams({ q: bad })}`, {
          headers: { authorization: `Bearer ${adminKey}` },
        }),
      );
      await expectFieldRefused(response, "q");
    }
  });

  it("approves with no body at all, as the README's curl example sends it (no Content-Type, an empty stream)", async () => {
    const { reference } = await storeRequest({ status: "VERIFIED" });
    const response = await approve(
      new Request(`http://localhost/api/v1/requests/${reference}/approve`, {
        method: "POST",
        headers: { authorization: `Bearer ${adminKey}`, "idempotency-key": `empty-${reference}` },
        body: new ReadableStream({ start: (controller) => controller.close() }),
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({ reference }) },
    );
    expect(response.status).toBe(200);
    expect((await db().dsarRequest.findUniqueOrThrow({ where: { reference } })).status).not.toBe("VERIFIED");
  });
});
