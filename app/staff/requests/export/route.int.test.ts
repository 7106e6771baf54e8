// The CSV download over HTTP: an API key (or the staff cookie, for GET) with requests.read, the
// dashboard's own query string for the view, errors as JSON naming the bad parameter.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiKey } from "@/lib/auth/create-api-key.ts";
import { insertRequest, uniquePrefix } from "@/lib/staff/dashboard-fixtures.test-support.ts";
import { controllerToday } from "@/lib/staff/dashboard-query.ts";
import { GET } from "./route.ts";

const call = (query: string, key?: string) =>
  GET(new Request(`http://localhost/staff/requests/export${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }));

afterEach(() => {
  vi.useRealTimers();
});

describe("GET /staff/requests/export", () => {
  it("answers the view as a CSV attachment for an auditor's key, and only the selection when one is sent", async () => {
    // The route reads the clock itself: the clock starts at 10:00 in Paris (and keeps moving), so the
    // file's day is the test's day even when the suite runs across midnight.
    const now = new Date("2026-06-10T08:00:00Z");
    vi.useFakeTimers({ toFake: ["Date"], now, shouldAdvanceTime: true });
    const { key } = await createApiKey({ name: "register export", role: "auditor" });
    const prefix = uniquePrefix();
    const today = controllerToday(now);
    const first = await insertRequest(today, { email: `${prefix}.1@example.test`, status: "VERIFIED", dueInDays: 3 });
    const second = await insertRequest(today, { email: `${prefix}.2@example.test`, status: "IN_PROGRESS", dueInDays: 1 });
    const view = await call(`?q=${prefix}&sort=dueDate&dir=desc`, key);
    expect(view.status).toBe(200);
    expect(view.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(view.headers.get("content-disposition")).toBe(`attachment; filename="requests-${today}.csv"`);
    const rows = (await view.text()).split("\r\n").slice(1, -1);
    expect(rows.map((row) => row.split(",")[0])).toEqual([first.reference, second.reference]);
    const selection = await call(`?scope=selection&reference=${second.reference}&reason=&message=`, key);
    expect(
      (await selection.text())
        .split("\r\n")
        .slice(1, -1)
        .map((row) => row.split(",")[0]),
    ).toEqual([second.reference]);
  });

  it("names a bad parameter, asks for a selection, and refuses an unknown key", async () => {
    const { key } = await createApiKey({ name: "register export", role: "agent" });
    const bad = await call("?sort=email", key);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", issues: [{ path: "sort" }] } });
    const empty = await call("?scope=selection", key);
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.message).toMatch(/Select at least one request/);
    // Without any key the staff session cookie is read, which needs a request scope: the e2e tests cover it.
    const unknown = await call("?q=x", "dsar_nothing_here");
    expect(unknown.status).toBe(401);
  });
});
