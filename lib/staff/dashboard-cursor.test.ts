import { describe, expect, it } from "vitest";
import { type DashboardCursor, decodeDashboardCursor, encodeDashboardCursor } from "./dashboard-cursor.ts";
import { parseDashboardParams } from "./dashboard-params.ts";

const id = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
const cursors: DashboardCursor[] = [
  { sort: "dueDate", dir: "asc", kind: "after", key: ["2026-06-10", id], place: { from: "start", index: 26 } },
  { sort: "receivedAt", dir: "desc", kind: "before", key: ["2026-05-20T07:00:00.123Z", id], place: { from: "end", index: 51 } },
  { sort: "reference", dir: "asc", kind: "after", key: ["DSR-7K3M-Q9PX", id], place: { from: "start", index: 1 } },
  { sort: "status", dir: "desc", kind: "before", key: ["IN_PROGRESS", "2026-07-01", id], place: { from: "start", index: 9_999_976 } },
  { sort: "dueDate", dir: "desc", kind: "last" },
];

/** The token's JSON, rewritten, as someone editing the URL would. */
function tampered(cursor: DashboardCursor, change: (body: Record<string, unknown>) => void): string {
  const body = JSON.parse(atob(encodeDashboardCursor(cursor).replace(/-/g, "+").replace(/_/g, "/")));
  change(body);
  return btoa(JSON.stringify(body)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

describe("the dashboard's page cursor", () => {
  it("decodes to the cursor it was made from, for every sort and direction", () => {
    for (const cursor of cursors) {
      const token = encodeDashboardCursor(cursor);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeDashboardCursor(token, cursor)).toEqual({ cursor });
    }
  });

  it("is refused for another order than the one it was made for", () => {
    const token = encodeDashboardCursor(cursors[0]);
    expect(decodeDashboardCursor(token, { sort: "dueDate", dir: "desc" })).toEqual({ problem: "other-sort" });
    expect(decodeDashboardCursor(token, { sort: "receivedAt", dir: "asc" })).toEqual({ problem: "other-sort" });
  });

  it("refuses what is not one of its tokens, and keys of the wrong shape for the sort", () => {
    const view = { sort: "dueDate", dir: "asc" } as const;
    for (const token of ["", "%%%", "bm90IGpzb24", btoa("[1,2]"), "a".repeat(401)]) {
      expect(decodeDashboardCursor(token, view)).toEqual({ problem: "unreadable" });
    }
    const bad = [
      tampered(cursors[0], (body) => {
        body.key = ["2026-13-45", id];
      }),
      tampered(cursors[0], (body) => {
        body.key = ["2026-06-10", "1; DROP TABLE requests"];
      }),
      tampered(cursors[0], (body) => {
        body.key = ["2026-06-10"];
      }),
      tampered(cursors[0], (body) => {
        body.at = ["start", 0];
      }),
      tampered(cursors[0], (body) => {
        body.v = 2;
      }),
    ];
    for (const token of bad) expect(decodeDashboardCursor(token, view)).toEqual({ problem: "unreadable" });
    const wrongStatus = tampered(cursors[3], (body) => {
      body.key = ["OPEN", "2026-07-01", id];
    });
    expect(decodeDashboardCursor(wrongStatus, { sort: "status", dir: "desc" })).toEqual({ problem: "unreadable" });
  });

  it("falls back to the first page with the problem named when the URL's cursor is bad", () => {
    const { params, problems } = parseDashboardParams({ cursor: "not-a-cursor", sort: "reference" });
    expect(params.cursor).toBeUndefined();
    expect(params.sort).toBe("reference");
    expect(problems).toEqual([{ param: "cursor", text: { key: "staffRequests.viewProblems.cursorUnreadable" } }]);
    const otherSort = parseDashboardParams({ cursor: encodeDashboardCursor(cursors[0]), sort: "reference" });
    expect(otherSort.params.cursor).toBeUndefined();
    expect(otherSort.problems).toEqual([{ param: "cursor", text: { key: "staffRequests.viewProblems.cursorOtherSort" } }]);
  });
});
