// The dashboard's list and counts against the real database: every filter, every sort with its
// tiebreak, paging, masking and search. Each test searches for its own address prefix, so rows
// other test files leave in the shared database never enter its view.
import { beforeAll, describe, expect, it } from "vitest";
import { createStaff } from "../../tests/support/staff-requests.ts";
import { db } from "../db.ts";
import { compactStatusCounts } from "./compact-status-counts.ts";
import { countDashboardRequests } from "./count-dashboard-requests.ts";
import type { DashboardCursor } from "./dashboard-cursor.ts";
import { dayPlus, insertRequest, type RequestFixture, uniquePrefix } from "./dashboard-fixtures.test-support.ts";
import { REQUEST_STATUSES as ALL, type DashboardParams, dashboardSearch, parseDashboardParams } from "./dashboard-params.ts";
import { controllerToday } from "./dashboard-query.ts";
import { type DashboardPage, listDashboardRequests } from "./list-dashboard-requests.ts";

// 10:00 in Paris: "today" is 2026-06-10 on the controller's calendar.
const now = new Date("2026-06-10T08:00:00Z");
const today = controllerToday(now);
const prefix = uniquePrefix();
const rows: Record<string, { id: string; reference: string }> = {};
let staff1 = "";
let staff2 = "";
let countsBefore: Awaited<ReturnType<typeof countDashboardRequests>>;

function view(query: Record<string, string | string[]>): DashboardParams {
  const { params, problems } = parseDashboardParams({ q: prefix, ...query });
  expect(problems).toEqual([]);
  return params;
}

async function references(query: Record<string, string | string[]>, viewerId: string | null = staff1) {
  const page = await listDashboardRequests({ params: view(query), viewerId, now });
  const names = Object.fromEntries(Object.entries(rows).map(([name, row]) => [row.reference, name]));
  return page.rows.map((row) => names[row.reference] ?? row.reference);
}

beforeAll(async () => {
  expect(today).toBe("2026-06-10");
  countsBefore = await countDashboardRequests({ now });
  staff1 = (await createStaff("AGENT")).id;
  staff2 = (await createStaff("ADMIN")).id;
  const at = (hours: number) => new Date(Date.parse("2026-05-20T00:00:00Z") + hours * 3_600_000);
  const fixtures: Record<string, Omit<RequestFixture, "email">> = {
    A: { status: "VERIFIED", dueInDays: 2, assigneeId: staff1, receivedAt: at(5) },
    B: {
      status: "IN_PROGRESS",
      dueInDays: -3,
      type: "ERASURE",
      jurisdiction: "US_CA",
      receivedAt: at(1),
      tasks: ["SUCCEEDED", "SUCCEEDED", "FAILED"],
    },
    C: { status: "AWAITING_SUBJECT", dueInDays: 6, clockPaused: true, assigneeId: staff2, receivedAt: at(3) },
    D: { status: "SUBMITTED", dueInDays: 25, type: "PORTABILITY", jurisdiction: "UK_GDPR", receivedAt: at(7) },
    E: { status: "COMPLETED", dueInDays: -40, assigneeId: staff1, receivedAt: at(0) },
    F: { status: "APPROVED", dueInDays: 20, type: "RECTIFICATION", assigneeId: staff1, receivedAt: at(2) },
    H: { status: "VERIFIED", dueInDays: 20, type: "ERASURE", receivedAt: at(4) },
  } as const;
  for (const [name, fixture] of Object.entries(fixtures)) {
    rows[name] = await insertRequest(today, {
      email: `${prefix}.${name.toLowerCase()}@example.test`,
      ...fixture,
      tasks: [...(fixture.tasks ?? [])],
    });
  }
  // Purged of personal details: found by its reference only.
  rows.G = await insertRequest(today, { email: null, status: "DENIED", dueInDays: -10 });
});

/** F and H share a due date: the id decides, the same way on every page. */
const tiedInIdOrder = () => [rows.F, rows.H].sort((a, b) => (a.id < b.id ? -1 : 1)).map((row) => (row === rows.F ? "F" : "H"));

describe("the dashboard list", () => {
  it("shows open requests by earliest due date by default, ties broken by id, with days left and masked addresses", async () => {
    const page = await listDashboardRequests({ params: view({}), viewerId: staff1, now });
    expect(await references({})).toEqual(["B", "A", "C", ...tiedInIdOrder()]);
    expect(page.total).toBe(5);
    expect(page.today).toBe("2026-06-10");
    const b = page.rows[0];
    expect(b).toMatchObject({
      person: "d***@example.test",
      type: "ERASURE",
      jurisdiction: "US_CA",
      dueDate: "2026-06-07",
      daysLeft: -3,
      status: "IN_PROGRESS",
      assigneeEmail: null,
      tasks: { total: 3, done: 2, failed: 1 },
    });
    expect(page.rows.map((row) => row.daysLeft)).toEqual([-3, 2, 6, 20, 20]);
    expect(page.rows[2]).toMatchObject({ clockPaused: true, assigneeEmail: expect.stringContaining("admin") });
    expect(JSON.stringify(page.rows)).not.toContain(`${prefix}.`);
  });

  it("reverses the order, the tiebreak included", async () => {
    expect(await references({ dir: "desc" })).toEqual([...tiedInIdOrder().reverse(), "C", "A", "B"]);
  });

  it("filters by several statuses, and shows no days left on a closed request", async () => {
    expect(await references({ status: ["SUBMITTED", "COMPLETED"] })).toEqual(["E", "D"]);
    const closed = await listDashboardRequests({ params: view({ status: "COMPLETED" }), viewerId: null, now });
    expect(closed.rows[0]).toMatchObject({ daysLeft: null, dueDate: "2026-05-01" });
  });

  it("filters by right and by jurisdiction", async () => {
    expect(await references({ type: "erasure" })).toEqual(["B", "H"]);
    expect(await references({ jurisdiction: "US_CA" })).toEqual(["B"]);
    expect(await references({ jurisdiction: "UK_GDPR", status: ALL })).toEqual(["D"]);
  });

  it("filters by assignee: unassigned, mine, a given staff member", async () => {
    expect(await references({ assignee: "unassigned" })).toEqual(["B", "H"]);
    expect(await references({ assignee: "mine" }, staff1)).toEqual(["A", "F"]);
    expect(await references({ assignee: "mine" }, staff2)).toEqual(["C"]);
    expect(await references({ assignee: "mine" }, null)).toEqual([]);
    expect(await references({ assignee: staff2 })).toEqual(["C"]);
  });

  it("filters by due date: within N days from today, overdue, or both", async () => {
    expect(await references({ dueWithin: "7" })).toEqual(["A", "C"]);
    expect(await references({ dueWithin: "2" })).toEqual(["A"]);
    expect(await references({ overdue: "1" })).toEqual(["B"]);
    expect(await references({ overdue: "1", dueWithin: "7" })).toEqual(["B", "A", "C"]);
    expect(await references({ overdue: "1", status: ALL })).toEqual(["E", "B"]);
  });

  it("filters requests with a failed connector task", async () => {
    expect(await references({ failed: "1" })).toEqual(["B"]);
  });

  it("sorts by received date, reference and status, each ending with the id", async () => {
    expect(await references({ sort: "receivedAt" })).toEqual(["B", "F", "C", "H", "A"]);
    expect(await references({ sort: "receivedAt", dir: "desc" })).toEqual(["A", "H", "C", "F", "B"]);
    const byReference = ["A", "B", "C", "F", "H"].sort((x, y) => (rows[x].reference < rows[y].reference ? -1 : 1));
    expect(await references({ sort: "reference" })).toEqual(byReference);
    // Status in lifecycle order, then due date.
    expect(await references({ sort: "status" })).toEqual(["A", "H", "C", "F", "B"]);
    expect(await references({ sort: "status", status: ALL })).toEqual(["D", "A", "H", "C", "F", "B", "E"]);
  });

  it("searches an exact address through its hash, in any case, and a reference by its start", async () => {
    expect(await references({ q: `${prefix.toUpperCase()}.C@Example.TEST`, status: ALL })).toEqual(["C"]);
    const reference = rows.G.reference;
    const typed = reference.toLowerCase().replaceAll("-", "").slice(0, 8);
    const found = await listDashboardRequests({ params: view({ q: typed, status: ALL }), viewerId: null, now });
    expect(found.rows.map((row) => row.reference)).toContain(reference);
    expect(found.rows.find((row) => row.reference === reference)?.person).toBe("(removed)");
    expect(found.rows.every((row) => row.reference.startsWith(reference.slice(0, 8)) || row.person.startsWith("d"))).toBe(true);
    // Without "DSR" and with a letter Crockford reads as a digit (O for 0) it is the same reference.
    const sloppy = reference.slice(4).replaceAll("0", "o");
    const again = await listDashboardRequests({ params: view({ q: sloppy, status: ALL }), viewerId: null, now });
    expect(again.rows.map((row) => row.reference)).toContain(reference);
  });

  it("treats _ and % in a search as themselves", async () => {
    expect(await references({ q: `${prefix.slice(0, -1)}_` })).toEqual([]);
    expect(await references({ q: `${prefix}%` })).toEqual([]);
    expect(await references({ q: `${prefix}.a` })).toEqual(["A"]);
  });
});

describe("the counts at the top", () => {
  it("counts overdue and this week's open requests, those awaiting verification or the person, and failed tasks", async () => {
    const after = await countDashboardRequests({ now });
    expect({
      overdue: after.overdue - countsBefore.overdue,
      dueThisWeek: after.dueThisWeek - countsBefore.dueThisWeek,
      awaitingVerification: after.awaitingVerification - countsBefore.awaitingVerification,
      awaitingSubject: after.awaitingSubject - countsBefore.awaitingSubject,
      failedTasks: after.failedTasks - countsBefore.failedTasks,
    }).toEqual({ overdue: 1, dueThisWeek: 2, awaitingVerification: 1, awaitingSubject: 1, failedTasks: 1 });
  });
});

describe("the status counters behind the counts", () => {
  it("follow a request's insert, status and due-date changes and deletion in the same transaction", async () => {
    const counts = () => countDashboardRequests({ now });
    const start = await counts();
    const made = await insertRequest(today, { email: `${uniquePrefix()}@example.test`, status: "SUBMITTED", dueInDays: 3 });
    const afterInsert = await counts();
    expect(afterInsert.awaitingVerification - start.awaitingVerification).toBe(1);
    expect(afterInsert.overdue - start.overdue).toBe(0);
    await db().dsarRequest.update({ where: { id: made.id }, data: { status: "VERIFIED", dueDate: dayPlus(today, -2) } });
    const afterUpdate = await counts();
    expect(afterUpdate.awaitingVerification - start.awaitingVerification).toBe(0);
    expect(afterUpdate.overdue - start.overdue).toBe(1);
    // A change inside a transaction that rolls back leaves the counts as they were.
    await db()
      .$transaction(async (tx) => {
        await tx.dsarRequest.update({ where: { id: made.id }, data: { status: "AWAITING_SUBJECT" } });
        throw new Error("rolled back");
      })
      .catch(() => {});
    expect(await counts()).toEqual(afterUpdate);
    // Folding the changes into the counts changes no figure, however many compactions run at once.
    await Promise.all([compactStatusCounts(), compactStatusCounts(), compactStatusCounts()]);
    expect(await db().requestStatusCountChange.count()).toBe(0);
    expect(await counts()).toEqual(afterUpdate);
    await db().dsarRequest.delete({ where: { id: made.id } });
    expect(await counts()).toEqual(start);
  });
});

describe("paging by cursor", () => {
  /** Every page of a view, following "next" from the first page, or "previous" from the last. */
  async function walk(query: Record<string, string>, from: "first" | "last") {
    const { params, problems } = parseDashboardParams(query);
    expect(problems).toEqual([]);
    const pages: DashboardPage[] = [];
    let cursor: DashboardCursor | undefined = from === "first" ? undefined : { sort: params.sort, dir: params.dir, kind: "last" };
    for (let i = 0; i < 10; i++) {
      const page = await listDashboardRequests({ params: { ...params, cursor }, viewerId: null, now });
      pages.push(page);
      const following = from === "first" ? page.next : page.previous;
      if (!following) break;
      // The link a person follows: written into the URL and read back.
      cursor = parseDashboardParams(Object.fromEntries(new URLSearchParams(dashboardSearch(params, { cursor: following })))).params.cursor;
      expect(cursor).toEqual(following);
    }
    return from === "first" ? pages : pages.reverse();
  }

  it("pages through a view forwards and backwards without gaps or repeats, whatever the sort, ties included", async () => {
    const pagePrefix = uniquePrefix();
    const holder = (await createStaff("AGENT")).id;
    const sameInstant = new Date("2026-05-25T09:00:00Z");
    for (let i = 0; i < 30; i++) {
      // Three requests per due date and ten received at the same instant, so page boundaries fall
      // inside ties; more of one status than a page holds.
      const status = i % 10 === 0 ? "IN_PROGRESS" : "VERIFIED";
      await insertRequest(today, {
        email: `${pagePrefix}.${i}@example.test`,
        status,
        dueInDays: Math.floor(i / 3),
        assigneeId: holder,
        receivedAt: i % 3 === 0 ? sameInstant : undefined,
      });
    }
    // With a search the page is cut from the matching rows; without one (by due date or status) it
    // is merged from one index range per status: both must page the same way.
    const filters: Array<Record<string, string>> = [{ q: pagePrefix }, { q: "", assignee: holder }];
    for (const filter of filters) {
      for (const sort of ["dueDate", "receivedAt", "reference", "status"]) {
        for (const dir of ["asc", "desc"]) {
          for (const size of ["25", "50"]) {
            const query = { ...filter, sort, dir, size };
            const forwards = await walk(query, "first");
            const backwards = await walk(query, "last");
            const label = JSON.stringify(query);
            const order = forwards.flatMap((page) => page.rows.map((row) => row.reference));
            expect(new Set(order).size, label).toBe(30);
            expect(
              forwards.map((page) => page.rows.length),
              label,
            ).toEqual(size === "25" ? [25, 5] : [30]);
            expect(forwards[0].total, label).toBe(30);
            // The last page read backwards holds the view's last rows, in the view's order; the
            // pages before it, followed by "previous", give the same order as "next" did.
            expect(
              backwards.flatMap((page) => page.rows.map((row) => row.reference)),
              label,
            ).toEqual(order);
            expect(
              backwards.map((page) => page.rows.length),
              label,
            ).toEqual(size === "25" ? [5, 25] : [30]);
            // Places: the counted total turns the last page's place into one from the start.
            expect(
              forwards.map((page) => page.place),
              label,
            ).toEqual(size === "25" ? [start(1), start(26)] : [start(1)]);
            expect(
              backwards.map((page) => page.place),
              label,
            ).toEqual(size === "25" ? [start(1), start(6)] : [start(1)]);
            if (sort === "dueDate") {
              const days = forwards.flatMap((page) => page.rows.map((row) => row.daysLeft ?? 0));
              expect(days, label).toEqual([...days].sort((a, b) => (dir === "asc" ? a - b : b - a)));
            }
          }
        }
      }
    }
  });

  it("continues after a row that left the view, and starts over when nothing is left after the cursor", async () => {
    const pagePrefix = uniquePrefix();
    const made: Array<{ id: string; reference: string }> = [];
    for (let i = 0; i < 4; i++) {
      made.push(await insertRequest(today, { email: `${pagePrefix}.${i}@example.test`, status: "VERIFIED", dueInDays: i }));
    }
    const { params } = parseDashboardParams({ q: pagePrefix });
    const key = (i: number) => [dayPlus(today, i).toISOString().slice(0, 10), made[i].id];
    const continuingAfter = (i: number) => ({
      ...params,
      cursor: { sort: "dueDate", dir: "asc", kind: "after", key: key(i), place: start(i + 1) } as const,
    });
    // The row the cursor names is closed meanwhile: the page still starts right after it.
    await db().dsarRequest.update({ where: { id: made[1].id }, data: { status: "COMPLETED" } });
    const next = await listDashboardRequests({ params: continuingAfter(1), viewerId: null, now });
    expect(next.rows.map((row) => row.id)).toEqual([made[2].id, made[3].id]);
    expect(next.place).toEqual(start(3));
    // After the view's last row there is nothing: the first page rather than an empty one.
    const beyond = await listDashboardRequests({ params: continuingAfter(3), viewerId: null, now });
    expect(beyond.rows.map((row) => row.id)).toEqual([made[0].id, made[2].id, made[3].id]);
    expect(beyond.previous).toBeNull();
  });
});

const start = (index: number) => ({ from: "start", index }) as const;
