// The dashboard rendered from real rows: the names Playwright finds things by (the "Requests" table,
// labelled row boxes and filters, the "Bulk actions" region), urgency said in words as well as
// colour, and no bulk decision control for a role that may not take it.
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { countDashboardRequests } from "@/lib/staff/count-dashboard-requests.ts";
import { encodeDashboardCursor } from "@/lib/staff/dashboard-cursor.ts";
import { insertRequest, uniquePrefix } from "@/lib/staff/dashboard-fixtures.test-support.ts";
import { type DashboardParams, parseDashboardParams } from "@/lib/staff/dashboard-params.ts";
import { controllerToday } from "@/lib/staff/dashboard-query.ts";
import { type DashboardPage, listDashboardRequests } from "@/lib/staff/list-dashboard-requests.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { DashboardCountsList } from "./dashboard-counts.tsx";
import { DashboardFilters } from "./dashboard-filters.tsx";
import { PaginationNav } from "./pagination-nav.tsx";
import { RequestsTable } from "./requests-table.tsx";

// A fixed instant (10:00 in Paris), given to every service: "today" cannot change between the rows
// being written and read, as it did when the run crossed midnight.
const now = new Date("2026-06-10T08:00:00Z");
const today = controllerToday(now);
const prefix = uniquePrefix();
let params: DashboardParams;
let page: DashboardPage;
const references: string[] = [];

function table(may: boolean, locale: Locale = "en") {
  return renderStaff(
    createElement(RequestsTable, {
      rows: page.rows,
      total: page.total,
      params,
      timeZone: "Europe/Paris",
      canDecide: may,
      canAssign: may,
      assignees: ["agent@example.test"],
    }),
    locale,
  );
}

beforeAll(async () => {
  for (const [status, dueInDays] of [
    ["IN_PROGRESS", -3],
    ["VERIFIED", 2],
    ["VERIFIED", 6],
    ["AWAITING_SUBJECT", 30],
  ] as const) {
    const row = await insertRequest(today, {
      email: `${prefix}.${references.length}@example.test`,
      status,
      dueInDays,
      clockPaused: status === "AWAITING_SUBJECT",
    });
    references.push(row.reference);
  }
  params = parseDashboardParams({ q: prefix, sort: "dueDate", dir: "asc" }).params;
  page = await listDashboardRequests({ params, viewerId: null, now });
});

describe("the dashboard's markup", () => {
  it("renders a Requests table with a labelled box per row, linked references and sortable headers", () => {
    const html = table(true);
    expect(html).toContain("<caption>Requests</caption>");
    for (const reference of references) {
      expect(html).toContain(`aria-label="Select ${reference}"`);
      expect(html).toContain(`form="bulk-actions-form" name="reference" value="${reference}"`);
    }
    expect(html).toContain('aria-label="Select all requests on this page"');
    expect(html).toContain(`href="/staff/requests/${page.rows[0].id}"`);
    expect(html).toMatch(
      /<th scope="col" aria-sort="ascending"><a class="sort-link" href="\/staff\/requests\?q=[^"]*&amp;dir=desc">Due date/,
    );
    expect(html).toMatch(/<a class="sort-link" href="\/staff\/requests\?q=[^"]*&amp;sort=receivedAt">Received/);
    expect(html).not.toMatch(/sort=person/);
  });

  it("says how urgent each deadline is in words, with the colour class beside them", () => {
    const html = table(true);
    expect(html).toContain('<span class="days-left days-left--overdue">Overdue by 3 days</span>');
    expect(html).toContain('<span class="days-left days-left--urgent"><strong>Urgent: </strong>2 days left</span>');
    expect(html).toContain('<span class="days-left days-left--soon"><strong>Soon: </strong>6 days left</span>');
    expect(html).toMatch(/days-left--later">30 days left<span class="days-left__paused"> \(clock paused\)/);
    expect(html).toContain("d***@example.test");
    expect(html).not.toContain(`${prefix}.`);
  });

  it("offers bulk decisions to a role that may take them, and only the export to one that may not", () => {
    const agent = table(true);
    expect(agent).toContain('<h2 id="bulk-actions-heading">Bulk actions</h2>');
    for (const label of ["Approve selected", "Deny selected", "Assign selected", "Export selected as CSV"]) expect(agent).toContain(label);
    const auditor = table(false);
    expect(auditor).not.toContain("Bulk actions");
    for (const label of ["Approve selected", "Deny selected", "Assign selected", 'name="intent"']) expect(auditor).not.toContain(label);
    expect(auditor).toContain("Export selected as CSV");
    expect(auditor).toContain(`href="/staff/requests/export?q=${prefix}"`);
  });

  it("renders the filters as a labelled GET form, the counts as links, and the pages", async () => {
    const filters = renderStaff(createElement(DashboardFilters, { params, staff: [{ id: "s1", email: "agent@example.test" }] }));
    expect(filters).toMatch(/<form class="dashboard-filters"[^>]* action="\/staff\/requests" method="get">/);
    for (const label of ["Search reference or email", "Right", "Jurisdiction", "Assignee", "Due within (days)", "Rows per page"]) {
      expect(filters).toMatch(new RegExp(`<label class="label" for="[^"]+">${label.replace(/[()]/g, "\\$&")}</label>`));
    }
    expect(filters).toContain(`value="${prefix}"`);
    expect(filters).toContain("Apply filters</button>");
    const counts = renderStaff(createElement(DashboardCountsList, { counts: await countDashboardRequests({ now }) }));
    expect(counts).toMatch(/href="\/staff\/requests\?overdue=1"><span class="dashboard-count__number">\d+/);
    // Failed tasks are counted up to 101: more than 100 shows as "100+", never as a wrong exact number.
    const many = { overdue: 0, dueThisWeek: 0, awaitingVerification: 0, awaitingSubject: 0, failedTasks: 101 };
    expect(renderStaff(createElement(DashboardCountsList, { counts: many }))).toContain(">100+</span>");
    const hundred = renderStaff(createElement(DashboardCountsList, { counts: { ...many, failedTasks: 100 } }));
    expect(hundred).toContain(">100</span>");
    const middle = {
      ...page,
      previous: { sort: "dueDate", dir: "asc", kind: "before", key: ["2026-06-12", page.rows[0].id], place: { from: "start", index: 26 } },
      next: { sort: "dueDate", dir: "asc", kind: "after", key: ["2026-06-13", page.rows[0].id], place: { from: "start", index: 50 } },
    } satisfies DashboardPage;
    const nav = renderStaff(createElement(PaginationNav, { params, page: middle }));
    expect(nav).toContain('aria-label="Pagination"');
    for (const [name, cursor] of [
      ["First page", ""],
      ["Previous page", `&amp;cursor=${encodeDashboardCursor(middle.previous)}`],
      ["Next page", `&amp;cursor=${encodeDashboardCursor(middle.next)}`],
      ["Last page", `&amp;cursor=${encodeDashboardCursor({ sort: "dueDate", dir: "asc", kind: "last" })}`],
    ]) {
      expect(nav).toContain(`href="/staff/requests?q=${prefix}${cursor}"`);
      expect(nav).toContain(`>${name}</a>`);
    }
    // One page only: no pagination at all.
    expect(renderStaff(createElement(PaginationNav, { params, page: { ...page, previous: null, next: null } }))).toBe("");
  });

  it("reads in French for a French reader: headers, urgency words, bulk actions and filters", async () => {
    const html = table(true, "fr");
    expect(html).toContain("<caption>Demandes</caption>");
    expect(html).toMatch(/<a class="sort-link" href="[^"]*">Échéance/);
    expect(html).toContain('<span class="days-left days-left--overdue">En retard de 3 jours</span>');
    expect(html).toContain('<span class="days-left days-left--urgent"><strong>Urgent : </strong>2 jours restants</span>');
    expect(html).toMatch(/days-left--later">30 jours restants<span class="days-left__paused"> \(délai suspendu\)/);
    expect(html).toContain('<h2 id="bulk-actions-heading">Actions groupées</h2>');
    for (const english of ["Due date", "days left", "Bulk actions", "Approve selected", "Export selected as CSV", "Overdue by"]) {
      expect(html).not.toContain(english);
    }
    const filters = renderStaff(createElement(DashboardFilters, { params, staff: [] }), "fr");
    expect(filters).toContain("Rechercher une référence ou un e-mail</label>");
    expect(filters).toContain("Appliquer les filtres</button>");
    const counts = renderStaff(createElement(DashboardCountsList, { counts: await countDashboardRequests({ now }) }), "fr");
    expect(counts).toContain("en attente de vérification");
    expect(counts).toContain("à rendre sous 7 jours");
  });
});
