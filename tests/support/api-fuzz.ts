// Seeded fuzzing of the public API's bodies and the staff list's query strings, through the real
// route handlers: counts answers by status, the slowest answer, calls that never answered, and rows
// written by calls that were refused. Shared by the in-suite run (tests/integration/api-fuzz.int.test.ts)
// and the long run (bench/fuzz/run.ts). Needs the test configuration in process.env before use.
import fc from "fast-check";
import { SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } from "../../lib/http/client-address.ts";

/** Strings no field may hold, and their JSON spellings, mixed into every generator. */
const hostilePieces = [
  "\u0000",
  "\uD800",
  "\uDFFF",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u2028",
  "%00",
  "%E0%A4%A",
  "\\",
  "'",
  '"',
  "🙂",
  "\r\n",
];
const hostileString = fc
  .array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ unit: "binary", maxLength: 6 }), fc.string({ maxLength: 6 })), {
    maxLength: 6,
  })
  .map((parts) => parts.join(""));
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.string({ maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
  fc.constant("x".repeat(6000)),
);

const emails = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => `fuzz${n}@example.test`) },
  fc.integer({ min: 0, max: 1_000_000_000 }).map((n) => `fuzz${n}@example.test`),
  hostileString.map((s) => `${s}@example.test`),
  anyValue,
);
/** Mostly the valid value, sometimes anything, sometimes missing. */
const required = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 20, arbitrary: valid as fc.Arbitrary<unknown> }, anyValue, fc.constant(undefined));
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.option(fc.oneof({ weight: 12, arbitrary: valid as fc.Arbitrary<unknown> }, anyValue), { nil: undefined });

const correction = fc.record({
  field: field(fc.constant("address")),
  correctValue: field(fc.constant("1 Main St")),
  currentValue: field(fc.string()),
});

const requestBody = fc.record(
  {
    type: required(fc.constantFrom("access", "access", "erasure", "portability", "rectification", "ACCESS", "delete")),
    email: emails,
    country: required(fc.constantFrom("FR", "FR", "DE", "GB", "US", "BR", "ZZ", "fr")),
    region: field(fc.constantFrom("US-CA", "US-VA", "CA-QC", "US-ZZ")),
    fullName: field(fc.constant("Ana Pérez")),
    accountId: field(fc.constant("C-1042")),
    details: field(fc.constant("Everything, please.\nThanks.")),
    locale: field(fc.constantFrom("en", "fr")),
    corrections: field(fc.array(correction, { maxLength: 3 })),
    extra: fc.oneof({ weight: 10, arbitrary: fc.constant(undefined) }, fc.constant("unknown field")),
  },
  { requiredKeys: [] },
);

export type FuzzCall = { route: "file" | "verify"; reference: string; contentType: string | null; raw: string };

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  fc.constantFrom(
    null,
    "text/plain",
    "application/x-www-form-urlencoded",
    "application/merge-patch+json",
    "application/json; charset=latin1",
  ),
);
const referenceInPath = fc.oneof(
  fc.constantFrom("DSR-AAAA-BBBB", "dsr-aaaa-bbbb", "DSR-0000-0000"),
  hostileString,
  hostileString.map((s) => `DSR-${s}`),
);

/** One call to the public API: mostly JSON objects shaped like a request, some anything at all. */
export const publicCall: fc.Arbitrary<FuzzCall> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc.record({ body: requestBody, contentType: contentTypes }).map(({ body, contentType }) => ({
      route: "file" as const,
      reference: "",
      contentType,
      raw: JSON.stringify(body),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ value: fc.oneof(fc.jsonValue(), hostileString), contentType: contentTypes, garbage: fc.boolean() })
      .map(({ value, contentType, garbage }) => ({
        route: "file" as const,
        reference: "",
        contentType,
        raw: garbage ? String(value) : JSON.stringify(value ?? null),
      })),
  },
  {
    weight: 1,
    // Escapes written into the JSON text itself: \u0000 and lone surrogates reach the parser.
    arbitrary: fc
      .record({ body: requestBody, jsonEscape: fc.constantFrom("\\u0000", "\\ud800", "\\udfff", "\\u001f", "\\\\") })
      .map(({ body, jsonEscape }) => ({
        route: "file" as const,
        reference: "",
        contentType: "application/json",
        raw: JSON.stringify({ ...body, fullName: "NAME" }).replace("NAME", `a${jsonEscape}b`),
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ reference: referenceInPath, code: anyValue, contentType: contentTypes })
      .map(({ reference, code, contentType }) => ({ route: "verify" as const, reference, contentType, raw: JSON.stringify({ code }) })),
  },
);

const queryNames = [
  "status",
  "type",
  "jurisdiction",
  "dueBefore",
  "sort",
  "order",
  "page",
  "pageSize",
  "q",
  "assignee",
  "dueWithin",
  "size",
  "dir",
];
const queryValue = fc.oneof(
  fc.constantFrom(
    "verified",
    "VERIFIED,awaiting_subject",
    "access",
    "EU_GDPR",
    "2026-12-31",
    "dueDate",
    "desc",
    "1",
    "100",
    "0",
    "-1",
    "1e9",
    "NaN",
  ),
  hostileString,
  fc.string({ maxLength: 300 }),
);

/** One staff list query string ("status=…&page=…"), names and values percent-encoded as a browser would. */
export const staffQuery: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...queryNames) }, hostileString), queryValue), { maxLength: 6 })
  .map((pairs) => {
    const params = new URLSearchParams();
    for (const [name, value] of pairs) params.append(name, value);
    return params.toString();
  });

export type FuzzStats = {
  calls: number;
  byStatus: Record<string, number>;
  maxLatencyMs: number;
  hangs: number;
  /** Calls answered 500 or more, with what was sent (for the report). */
  serverErrors: Array<{ sent: string; status: number; body: string }>;
  /** Rows that appeared beyond what the accepted calls account for. */
  strayRows: number;
};

const HANG_MS = 15_000;

async function timed(call: () => Promise<Response>): Promise<{ status: number | "hang"; ms: number; body: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<"hang">((resolve) => {
    timer = setTimeout(() => resolve("hang"), HANG_MS);
  });
  try {
    const outcome = await Promise.race([call(), hang]);
    if (outcome === "hang") return { status: "hang", ms: performance.now() - started, body: "" };
    const body = await outcome.text();
    return { status: outcome.status, ms: performance.now() - started, body };
  } catch (error) {
    return { status: 599, ms: performance.now() - started, body: `threw: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}

function emptyStats(): FuzzStats {
  return { calls: 0, byStatus: {}, maxLatencyMs: 0, hangs: 0, serverErrors: [], strayRows: 0 };
}

function record(stats: FuzzStats, sent: string, outcome: { status: number | "hang"; ms: number; body: string }) {
  stats.calls++;
  stats.byStatus[String(outcome.status)] = (stats.byStatus[String(outcome.status)] ?? 0) + 1;
  stats.maxLatencyMs = Math.max(stats.maxLatencyMs, outcome.ms);
  if (outcome.status === "hang") stats.hangs++;
  else if (outcome.status >= 500 && stats.serverErrors.length < 20)
    stats.serverErrors.push({ sent, status: outcome.status, body: outcome.body.slice(0, 300) });
}

/** Sends `count` public calls generated from `seed`, one at a time. */
export async function fuzzPublicApi(seed: number, count: number): Promise<FuzzStats> {
  const { POST: fileRequest } = await import("../../app/api/v1/requests/route.ts");
  const { POST: verify } = await import("../../app/api/v1/requests/[reference]/verify/route.ts");
  const { db } = await import("../../lib/db.ts");
  // The caller's address comes from the header the web server writes; each call is its own caller.
  trustSocketAddressHeader();
  const stats = emptyStats();
  const before = await db().dsarRequest.count();
  const changedBefore = await db().dsarRequest.count({ where: { status: { not: "SUBMITTED" } } });
  let accepted = 0;
  const calls = fc.sample(publicCall, { seed, numRuns: count });
  for (const [index, call] of calls.entries()) {
    const headers: Record<string, string> = { [SOCKET_ADDRESS_HEADER]: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` };
    if (call.contentType) headers["content-type"] = call.contentType;
    const request = new Request(`http://localhost/api/v1/requests${call.route === "verify" ? "/x/verify" : ""}`, {
      method: "POST",
      headers,
      body: call.raw,
    });
    const outcome = await timed(() =>
      call.route === "file" ? fileRequest(request) : verify(request, { params: Promise.resolve({ reference: call.reference }) }),
    );
    if (call.route === "file" && outcome.status === 202) accepted++;
    record(stats, JSON.stringify(call), outcome);
  }
  // Each accepted filing stores exactly one request; nothing else may appear, and no verification
  // guessed its way through.
  stats.strayRows = (await db().dsarRequest.count()) - before - accepted;
  stats.strayRows += (await db().dsarRequest.count({ where: { status: { not: "SUBMITTED" } } })) - changedBefore;
  return stats;
}

/** Sends `count` query strings generated from `seed` to the staff list (API) and the dashboard's export. */
export async function fuzzStaffList(seed: number, count: number, apiKey: string): Promise<FuzzStats> {
  const { GET: listRequests } = await import("../../app/api/v1/requests/route.ts");
  const { GET: exportCsv } = await import("../../app/staff/requests/export/route.ts");
  const { db } = await import("../../lib/db.ts");
  const stats = emptyStats();
  const exportsBefore = await db().auditEvent.count({ where: { action: "requests.exported" } });
  let exported = 0;
  const headers = { authorization: `Bearer ${apiKey}` };
  for (const query of fc.sample(staffQuery, { seed, numRuns: count })) {
    const list = await timed(() =>
      listRequests(new Request(`http://localhost/api/v1/requests?${query}`, { headers }), { params: Promise.resolve({}) }),
    );
    record(stats, `GET /api/v1/requests?${query}`, list);
    const csv = await timed(() => exportCsv(new Request(`http://localhost/staff/requests/export?${query}`, { headers })));
    if (csv.status === 200) exported++;
    record(stats, `GET /staff/requests/export?${query}`, csv);
  }
  stats.strayRows = (await db().auditEvent.count({ where: { action: "requests.exported" } })) - exportsBefore - exported;
  return stats;
}
