import { describe, expect, it } from "vitest";
import { englishText } from "../auth/staff-refusal.ts";
import { referencePrefix } from "./dashboard-conditions.ts";
import { encodeDashboardCursor } from "./dashboard-cursor.ts";
import { DEFAULT_STATUSES, dashboardSearch, defaultDashboardParams, parseDashboardParams } from "./dashboard-params.ts";
import { maskEmail } from "./mask-email.ts";

describe("the dashboard view in the URL", () => {
  it("defaults to open requests by earliest due date, 25 a page", () => {
    expect(parseDashboardParams({})).toEqual({
      params: {
        status: DEFAULT_STATUSES,
        type: undefined,
        jurisdiction: undefined,
        assignee: "anyone",
        dueWithin: undefined,
        overdue: false,
        failed: false,
        q: undefined,
        sort: "dueDate",
        dir: "asc",
        cursor: undefined,
        size: 25,
      },
      problems: [],
    });
  });

  it("reads what a GET form sends: repeated and comma-separated statuses, empty fields, checkboxes", () => {
    const { params, problems } = parseDashboardParams({
      status: ["completed", "SUBMITTED,denied"],
      type: "erasure",
      jurisdiction: "us_ca",
      assignee: "mine",
      dueWithin: "7",
      overdue: "1",
      failed: "on",
      q: "  Claire ",
      sort: "receivedAt",
      dir: "desc",
      size: "100",
      unknown: "ignored",
    });
    expect(problems).toEqual([]);
    expect(params).toMatchObject({
      status: ["SUBMITTED", "COMPLETED", "DENIED"],
      type: "ERASURE",
      jurisdiction: "US_CA",
      assignee: "mine",
      dueWithin: 7,
      overdue: true,
      failed: true,
      q: "Claire",
      sort: "receivedAt",
      dir: "desc",
      size: 100,
    });
    expect(parseDashboardParams({ q: "", type: "", jurisdiction: "", dueWithin: "" }).params).toEqual(defaultDashboardParams);
    expect(parseDashboardParams({ assignee: "6f9619ff-8b86-4011-b42d-00c04fc964ff" }).params.assignee).toEqual({
      staffUserId: "6f9619ff-8b86-4011-b42d-00c04fc964ff",
    });
  });

  it("names each bad value and uses the default for it, keeping the rest of the view", () => {
    const { params, problems } = parseDashboardParams({
      status: ["VERIFIED", "LOST"],
      sort: "email",
      size: "33",
      cursor: "0",
      dueWithin: "soon",
      assignee: "bob",
      jurisdiction: "XX_NOWHERE",
      type: "ACCESS",
    });
    expect(problems.map((problem) => problem.param).sort()).toEqual([
      "assignee",
      "cursor",
      "dueWithin",
      "jurisdiction",
      "size",
      "sort",
      "status",
    ]);
    const said = (param: string) => {
      const text = problems.find((problem) => problem.param === param)?.text;
      return text && englishText(text);
    };
    expect(said("status")).toMatch(/unknown status "LOST"/);
    expect(said("size")).toBe("page sizes: 25, 50, 100");
    expect(params).toMatchObject({
      status: DEFAULT_STATUSES,
      sort: "dueDate",
      size: 25,
      cursor: undefined,
      type: "ACCESS",
      assignee: "anyone",
    });
  });

  it("ignores the page numbers of older links: pages are reached by cursor, however deep", () => {
    expect(parseDashboardParams({ page: "401" })).toEqual({ params: defaultDashboardParams, problems: [] });
  });

  it("writes a view back as a short query string that parses to the same view", () => {
    expect(dashboardSearch(defaultDashboardParams)).toBe("");
    const { params } = parseDashboardParams({
      status: ["SUBMITTED"],
      assignee: "unassigned",
      q: "a b",
      sort: "status",
      dir: "desc",
    });
    const cursor = { sort: "status", dir: "desc", kind: "last" } as const;
    const search = dashboardSearch(params, { cursor });
    expect(search).toBe(`?status=SUBMITTED&assignee=unassigned&q=a+b&sort=status&dir=desc&cursor=${encodeDashboardCursor(cursor)}`);
    const back = parseDashboardParams(Object.fromEntries(new URLSearchParams(search)));
    expect(back).toEqual({ params: { ...params, cursor }, problems: [] });
    expect(dashboardSearch(back.params, { cursor: undefined, sort: "dueDate" })).toBe(
      "?status=SUBMITTED&assignee=unassigned&q=a+b&dir=desc",
    );
  });
});

describe("search terms and masks", () => {
  it("reads the start of a reference however it was typed", () => {
    expect(referencePrefix("DSR-7K3M-Q9PX")).toBe("DSR-7K3M-Q9PX");
    expect(referencePrefix("dsr7k3mq9")).toBe("DSR-7K3M-Q9");
    expect(referencePrefix("7k3m")).toBe("DSR-7K3M");
    expect(referencePrefix("dsr-7kom")).toBe("DSR-7K0M");
    expect(referencePrefix("DSR-1IL")).toBe("DSR-111");
    expect(referencePrefix("claire.m")).toBeNull();
    expect(referencePrefix("DSR-7K3M-Q9PX-1")).toBeNull();
    expect(referencePrefix("DSR-U")).toBeNull();
  });

  it("masks an address down to its first character and its domain", () => {
    expect(maskEmail("claire@example.com")).toBe("c***@example.com");
    expect(maskEmail("é@exemple.fr")).toBe("é***@exemple.fr");
    expect(maskEmail("no-at-sign")).toBe("***");
  });
});
