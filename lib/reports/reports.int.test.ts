// The register and the metrics against a seeded year whose every number is worked out by hand:
// counts, medians and means per right, the share on time per jurisdiction, local days at the
// edges of the year, and the CSV a spreadsheet opens.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getMetrics } from "../../app/api/v1/reports/metrics/route.ts";
import { GET as getRegister } from "../../app/api/v1/reports/register/route.ts";
import { createApiKey } from "../auth/create-api-key.ts";
import { computeRequestMetrics } from "./compute-request-metrics.ts";
import { registerColumns } from "./register-columns.ts";
import { type SeededRequest, seedRequests } from "./report-seed.test-support.ts";
import { streamRegister } from "./stream-register.ts";

const FORMULA_REFERENCE = '=HYPERLINK("http://x","Réf, 日本")';

// Days are local: a2 arrives at 23:30 in Los Angeles on 1 March (07:30 UTC on the 2nd); e3 at
// 00:30 in Paris on 1 January 2019, e2 at 00:30 in Paris on 1 January 2020 (outside 2019).
const year2019: SeededRequest[] = [
  {
    reference: FORMULA_REFERENCE,
    type: "ACCESS",
    status: "COMPLETED",
    outcome: "FULFILLED",
    jurisdiction: "US_CA",
    receivedAt: "2019-03-01T18:00:00Z",
    closedAt: "2019-03-11T18:00:00Z",
    dueDate: "2019-04-14",
  },
  {
    reference: "R19-A2",
    type: "ACCESS",
    status: "COMPLETED",
    outcome: "FULFILLED",
    jurisdiction: "US_CA",
    receivedAt: "2019-03-02T07:30:00Z",
    closedAt: "2019-03-21T20:00:00Z",
    dueDate: "2019-04-14",
    channel: "API",
  },
  {
    reference: "R19-A3",
    type: "ACCESS",
    status: "COMPLETED",
    outcome: "PARTIALLY_FULFILLED",
    jurisdiction: "US_CA",
    receivedAt: "2019-05-01T16:00:00Z",
    closedAt: "2019-06-30T16:00:00Z",
    dueDate: "2019-06-14",
  },
  {
    reference: "R19-A4",
    type: "ACCESS",
    status: "DENIED",
    outcome: "DENIED",
    denialReason: "IDENTITY_NOT_VERIFIED",
    jurisdiction: "US_CA",
    receivedAt: "2019-07-01T16:00:00Z",
    closedAt: "2019-07-06T16:00:00Z",
    dueDate: "2019-08-14",
  },
  {
    reference: "R19-A5",
    type: "ACCESS",
    status: "WITHDRAWN",
    outcome: "WITHDRAWN",
    jurisdiction: "US_CA",
    receivedAt: "2019-08-01T16:00:00Z",
    closedAt: "2019-08-03T16:00:00Z",
    dueDate: "2019-09-14",
  },
  {
    reference: "R19-A6",
    type: "ACCESS",
    status: "IN_PROGRESS",
    jurisdiction: "US_CA",
    receivedAt: "2019-12-01T16:00:00Z",
    dueDate: "2020-01-14",
    channel: "STAFF",
  },
  {
    reference: "R19-E1",
    type: "ERASURE",
    status: "COMPLETED",
    outcome: "FULFILLED",
    jurisdiction: "EU_GDPR",
    receivedAt: "2019-02-10T09:00:00Z",
    closedAt: "2019-02-10T15:00:00Z",
    dueDate: "2019-03-11",
  },
  {
    reference: "R19-E2",
    type: "ERASURE",
    status: "COMPLETED",
    outcome: "FULFILLED",
    jurisdiction: "EU_GDPR",
    receivedAt: "2019-12-31T23:30:00Z",
    closedAt: "2020-01-03T10:00:00Z",
    dueDate: "2020-02-03",
  },
  {
    reference: "R19-E3",
    type: "ERASURE",
    status: "EXPIRED",
    outcome: "EXPIRED",
    jurisdiction: "EU_GDPR",
    receivedAt: "2018-12-31T23:30:00Z",
    closedAt: "2019-01-08T00:00:00Z",
    dueDate: "2019-02-01",
  },
  {
    reference: "R19-E4",
    type: "ERASURE",
    status: "DENIED",
    outcome: "DENIED",
    denialReason: "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
    jurisdiction: "EU_GDPR",
    receivedAt: "2019-04-01T10:00:00Z",
    closedAt: "2019-05-03T10:00:00Z",
    dueDate: "2019-05-02",
  },
  {
    reference: "R19-P1",
    type: "PORTABILITY",
    status: "COMPLETED",
    outcome: "FULFILLED",
    jurisdiction: "US_CA",
    receivedAt: "2019-09-09T17:00:00Z",
    closedAt: "2019-09-16T17:00:00Z",
    dueDate: "2019-10-23",
  },
];

// Five requests received in the same millisecond: paging must still give each exactly once.
const sameInstant: SeededRequest[] = ["T1", "T2", "T3", "T4", "T5"].map((suffix) => ({
  reference: `R18-${suffix}`,
  type: "ACCESS",
  status: "SUBMITTED",
  jurisdiction: "EU_GDPR",
  receivedAt: "2018-06-15T12:00:00.123Z",
  dueDate: "2018-07-16",
}));

const year = { from: "2019-01-01", to: "2019-12-31", jurisdiction: null };
let auditorKey = "";
let agentKey = "";

beforeAll(async () => {
  await seedRequests([...year2019, ...sameInstant]);
  auditorKey = (await createApiKey({ name: "reports auditor", role: "auditor" })).key;
  agentKey = (await createApiKey({ name: "reports agent", role: "agent" })).key;
});

const get = (path: string, key = auditorKey) => new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${key}` } });

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

describe("metrics per right (CCPA regs §7102)", () => {
  it("counts, medians and means of a seeded year, days counted on each request's local calendar", async () => {
    const { byRight } = await computeRequestMetrics(year, "2020-02-01");
    const of = (right: string) => byRight.find((row) => row.right === right);
    expect(byRight.map((row) => row.right)).toEqual([
      "access",
      "rectification",
      "erasure",
      "portability",
      "opt_out",
      "limit_sensitive",
      "restriction",
      "objection",
      "all",
    ]);
    expect(of("access")).toEqual({
      right: "access",
      received: 6,
      compliedInWhole: 2,
      compliedInPart: 1,
      denied: 1,
      deniedUnverifiable: 1,
      deniedExempt: 0,
      deniedOther: 0,
      withdrawn: 1,
      expiredUnverified: 0,
      pending: 1,
      responded: 4,
      onTime: 3,
      late: 1,
      onTimeShare: 0.75,
      medianDays: 15, // 5, 10, 20, 60
      meanDays: 23.75,
    });
    expect(of("rectification")).toMatchObject({ received: 0, responded: 0, medianDays: null, meanDays: null, onTimeShare: null });
    expect(of("erasure")).toMatchObject({
      received: 3,
      compliedInWhole: 1,
      // §7102 counts a request that could not be verified as denied: the one that expired unconfirmed too.
      denied: 2,
      deniedUnverifiable: 1,
      deniedOther: 1,
      expiredUnverified: 1,
      responded: 2,
      medianDays: 16,
      meanDays: 16,
      onTimeShare: 0.5,
    });
    expect(of("portability")).toMatchObject({ received: 1, compliedInWhole: 1, medianDays: 7, meanDays: 7, onTimeShare: 1 });
    // 0, 5, 7, 10, 20, 32, 60: median 10, mean 134 / 7.
    expect(of("all")).toMatchObject({
      received: 10,
      compliedInWhole: 4,
      compliedInPart: 1,
      denied: 3,
      deniedUnverifiable: 2,
      deniedExempt: 0,
      deniedOther: 1,
      withdrawn: 1,
      expiredUnverified: 1,
      pending: 1,
      responded: 7,
      onTime: 5,
      late: 2,
      medianDays: 10,
      meanDays: 19.14,
      onTimeShare: 0.7143,
    });
  });

  it("denied counts every refusal and every request never verified, broken down by the grounds of §7102(a)(2)", async () => {
    const denial = (suffix: string, status: "DENIED" | "EXPIRED", denialReason?: SeededRequest["denialReason"]): SeededRequest => ({
      reference: `R16-${suffix}`,
      type: "ACCESS",
      status,
      outcome: status,
      denialReason,
      jurisdiction: "US_CA",
      receivedAt: "2016-05-02T18:00:00Z",
      closedAt: "2016-05-09T18:00:00Z",
      dueDate: "2016-06-15",
    });
    await seedRequests([
      denial("X1", "EXPIRED"),
      denial("X2", "EXPIRED"),
      denial("D1", "DENIED", "IDENTITY_NOT_VERIFIED"),
      denial("D2", "DENIED", "EXEMPTION_APPLIES"),
      denial("D3", "DENIED", "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE"),
      denial("D4", "DENIED", "NO_DATA_HELD"),
      denial("D5", "DENIED", "OTHER"),
    ]);
    const { byRight } = await computeRequestMetrics({ from: "2016-01-01", to: "2016-12-31", jurisdiction: null }, "2017-02-01");
    expect(byRight.find((row) => row.right === "access")).toMatchObject({
      received: 7,
      denied: 7,
      deniedUnverifiable: 3,
      deniedExempt: 1,
      deniedOther: 3,
      expiredUnverified: 2,
    });
  });

  it("the share answered on time per jurisdiction, and the open requests already overdue", async () => {
    const { byJurisdiction } = await computeRequestMetrics(year, "2020-02-01");
    expect(byJurisdiction).toEqual([
      { jurisdiction: "EU_GDPR", received: 3, responded: 2, onTime: 1, late: 1, onTimeShare: 0.5, pending: 0, pendingOverdue: 0 },
      { jurisdiction: "US_CA", received: 7, responded: 5, onTime: 4, late: 1, onTimeShare: 0.8, pending: 1, pendingOverdue: 1 },
      { jurisdiction: "all", received: 10, responded: 7, onTime: 5, late: 2, onTimeShare: 0.7143, pending: 1, pendingOverdue: 1 },
    ]);
    const before = await computeRequestMetrics(year, "2020-01-14");
    expect(before.byJurisdiction.at(-1)?.pendingOverdue).toBe(0);
  });

  it("one jurisdiction only", async () => {
    const { byRight, byJurisdiction } = await computeRequestMetrics({ ...year, jurisdiction: "EU_GDPR" }, "2020-02-01");
    expect(byRight.find((row) => row.right === "access")?.received).toBe(0);
    expect(byRight.find((row) => row.right === "all")).toMatchObject({ received: 3, medianDays: 16 });
    expect(byJurisdiction.map((row) => row.jurisdiction)).toEqual(["EU_GDPR", "all"]);
  });
});

describe("GET /api/v1/reports/register", () => {
  it("streams a CSV with a BOM, the exact columns, local days, timeliness and guarded cells", async () => {
    const response = await getRegister(get("/api/v1/reports/register?from=2019-01-01&to=2019-12-31&format=csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="request-register_2019-01-01_2019-12-31_all.csv"');
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toBe(
      "reference,jurisdiction,right,channel,receivedAt,receivedDate,dueDate,extended,status,response,responseDate,decidedAt,closedAt,denialReason,denialBasis,daysToRespond,daysBeforeDue,onTime",
    );
    expect(lines.slice(1, -1).map((line) => line.split(",")[0])).toEqual([
      "R19-E3",
      "R19-E1",
      `"'=HYPERLINK(""http://x""`,
      "R19-A2",
      "R19-E4",
      "R19-A3",
      "R19-A4",
      "R19-A5",
      "R19-P1",
      "R19-A6",
    ]);
    expect(lines).toContain(
      `"'=HYPERLINK(""http://x"",""Réf, 日本"")",US_CA,access,web,2019-03-01T18:00:00.000Z,2019-03-01,2019-04-14,false,completed,complied-in-whole,2019-03-11,,2019-03-11T18:00:00.000Z,,,10,34,true`,
    );
    expect(lines).toContain(
      "R19-A2,US_CA,access,api,2019-03-02T07:30:00.000Z,2019-03-01,2019-04-14,false,completed,complied-in-whole,2019-03-21,,2019-03-21T20:00:00.000Z,,,20,24,true",
    );
    expect(lines).toContain(
      "R19-A3,US_CA,access,web,2019-05-01T16:00:00.000Z,2019-05-01,2019-06-14,false,completed,complied-in-part,2019-06-30,,2019-06-30T16:00:00.000Z,,,60,-16,false",
    );
    expect(lines).toContain(
      "R19-A4,US_CA,access,web,2019-07-01T16:00:00.000Z,2019-07-01,2019-08-14,false,denied,denied,2019-07-06,2019-07-06T16:00:00.000Z,2019-07-06T16:00:00.000Z,IDENTITY_NOT_VERIFIED,Identity could not be verified,5,39,true",
    );
    expect(lines).toContain(
      "R19-A5,US_CA,access,web,2019-08-01T16:00:00.000Z,2019-08-01,2019-09-14,false,withdrawn,withdrawn,,,2019-08-03T16:00:00.000Z,,,,,",
    );
    expect(lines).toContain(
      "R19-E3,EU_GDPR,erasure,web,2018-12-31T23:30:00.000Z,2019-01-01,2019-02-01,false,expired,expired-unverified,,,2019-01-08T00:00:00.000Z,,,,,",
    );
    expect(lines).toContain("R19-A6,US_CA,access,staff,2019-12-01T16:00:00.000Z,2019-12-01,2020-01-14,false,in_progress,pending,,,,,,,,");
  });

  it("serves the same rows as JSON, with the columns' definitions, for one jurisdiction", async () => {
    const response = await getRegister(get("/api/v1/reports/register?from=2019-01-01&to=2019-12-31&jurisdiction=eu_gdpr"));
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const body = await response.json();
    expect(body.period).toEqual({ from: "2019-01-01", to: "2019-12-31", jurisdiction: "EU_GDPR" });
    expect(body.columns.map((column: { key: string }) => column.key)).toEqual(registerColumns.map((column) => column.key));
    expect(body.requests.map((row: { reference: string }) => row.reference)).toEqual(["R19-E3", "R19-E1", "R19-E4"]);
    expect(body.requests[2]).toMatchObject({
      response: "denied",
      denialReason: "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE",
      daysToRespond: 32,
      daysBeforeDue: -1,
      onTime: false,
    });
    const all = await (await getRegister(get("/api/v1/reports/register?from=2019-01-01&to=2019-12-31&format=json"))).json();
    expect(all.requests.find((row: { right: string }) => row.right === "access").reference).toBe(FORMULA_REFERENCE);
  });

  it("pages by (receivedAt, id): requests received in the same millisecond each appear once", async () => {
    const period = { from: "2018-06-15", to: "2018-06-15", jurisdiction: null };
    const whole = await text(streamRegister(period, "csv"));
    const paged = await text(streamRegister(period, "csv", { pageSize: 2 }));
    expect(paged).toBe(whole);
    const references = paged
      .split("\r\n")
      .slice(1, -1)
      .map((line) => line.split(",")[0]);
    expect(references.sort()).toEqual(["R18-T1", "R18-T2", "R18-T3", "R18-T4", "R18-T5"]);
    // Pages of one row: some hold only a request the time zone puts outside the year (R19-E2).
    expect(await text(streamRegister(year, "csv", { pageSize: 1 }))).toBe(await text(streamRegister(year, "csv")));
    const json = JSON.parse(await text(streamRegister(period, "json", { pageSize: 2 })));
    expect(json.requests).toHaveLength(5);
    const empty = JSON.parse(await text(streamRegister({ from: "2001-01-01", to: "2001-12-31", jurisdiction: null }, "json")));
    expect(empty.requests).toEqual([]);
  });

  it("answers 401 to an unknown key, 403 to a role without reports.read, 400 naming the bad parameter", async () => {
    // Without a key the route reads the staff cookie instead, which only works inside a Next request.
    expect((await getRegister(get("/api/v1/reports/register", "dsar_unknown_key"))).status).toBe(401);
    const forbidden = await getRegister(get("/api/v1/reports/register", agentKey));
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.message).toContain("reports.read");
    for (const [query, path, message] of [
      ["from=2019-13-01", "from", "not a date of the calendar"],
      ["from=01/02/2019", "from", "YYYY-MM-DD"],
      ["from=2019-05-01&to=2019-04-01", "to", "on or after from"],
      ["from=2015-01-01&to=2020-01-01", "to", "longer than 5 years"],
      ["jurisdiction=MARS", "jurisdiction", "jurisdiction code"],
      ["format=xlsx", "format", "json or csv"],
      ["form=2019-01-01", "form", "not a parameter"],
      ["from=2019-01-01&from=2019-02-01", "from", "more than once"],
    ]) {
      const response = await getRegister(get(`/api/v1/reports/register?${query}`));
      expect(response.status, query).toBe(400);
      const { error } = await response.json();
      expect(error.code).toBe("VALIDATION_FAILED");
      expect(error.issues[0].path, query).toBe(path);
      expect(error.issues[0].message, query).toContain(message);
      expect(error.message, query).toContain(path);
    }
  });
});

describe("GET /api/v1/reports/metrics", () => {
  it("JSON with the definitions, and each table as a CSV", async () => {
    const json = await (await getMetrics(get("/api/v1/reports/metrics?from=2019-01-01&to=2019-12-31"))).json();
    expect(json.period).toEqual({ from: "2019-01-01", to: "2019-12-31", jurisdiction: "all" });
    expect(json.definitions.daysToRespond).toMatch(/^Calendar days from the day the request was received/);
    expect(json.byRight.find((row: { right: string }) => row.right === "all").received).toBe(10);

    const rights = await getMetrics(get("/api/v1/reports/metrics?from=2019-01-01&to=2019-12-31&format=csv"));
    expect(rights.headers.get("content-disposition")).toBe('attachment; filename="request-metrics_2019-01-01_2019-12-31_all.rights.csv"');
    const rightsCsv = (await rights.text()).split("\r\n");
    expect(rightsCsv[0]).toBe(
      "right,received,compliedInWhole,compliedInPart,denied,deniedUnverifiable,deniedExempt,deniedOther,withdrawn,expiredUnverified,pending,responded,onTime,late,onTimeShare,medianDays,meanDays",
    );
    expect(rightsCsv[1]).toBe("access,6,2,1,1,1,0,0,1,0,1,4,3,1,0.75,15,23.75");
    expect(rightsCsv[2]).toBe("rectification,0,0,0,0,0,0,0,0,0,0,0,0,0,,,");
    expect(rightsCsv[3]).toBe("erasure,3,1,0,2,1,0,1,0,1,0,2,1,1,0.5,16,16");
    const places = await getMetrics(get("/api/v1/reports/metrics?from=2019-01-01&to=2019-12-31&format=csv&table=jurisdictions"));
    expect((await places.text()).split("\r\n").slice(0, 2)).toEqual([
      "jurisdiction,received,responded,onTime,late,onTimeShare,pending,pendingOverdue",
      "EU_GDPR,3,2,1,1,0.5,0,0",
    ]);
    expect((await getMetrics(get("/api/v1/reports/metrics?table=columns"))).status).toBe(400);
  });
});
