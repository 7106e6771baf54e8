// A French member who follows a damaged or hand-edited dashboard link reads why part of the view
// was not used in French, each parameter still named as it is in the URL.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { parseDashboardParams } from "@/lib/staff/dashboard-params.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { ViewProblems } from "./view-problems.tsx";

const bad = {
  status: "lost",
  type: "nothing",
  jurisdiction: "XX",
  assignee: "someone",
  dueWithin: "soon",
  sort: "colour",
  dir: "up",
  size: "7",
  cursor: "not-a-cursor",
};

describe("the dashboard's notice of a bad view", () => {
  it("says each problem in French to a French member", () => {
    const { problems } = parseDashboardParams(bad);
    expect(problems).toHaveLength(9);
    const html = renderStaff(createElement(ViewProblems, { problems }), "fr");
    expect(html).toContain("Une partie de cette vue n’a pas pu être utilisée");
    expect(html).toContain("état inconnu «\u00a0lost\u00a0»");
    expect(html).toContain("ce lien de page est abîmé ou périmé");
    expect(html).toContain("tailles de page\u00a0: 25, 50, 100");
    expect(html).toContain("<code>jurisdiction</code>\u00a0: code de juridiction inconnu");
    for (const english of ["unknown", "expected", "sortable", "page sizes", "first page"]) expect(html).not.toContain(english);
  });

  it("says them in English to an English member", () => {
    const { problems } = parseDashboardParams({ size: "7" });
    expect(renderStaff(createElement(ViewProblems, { problems }), "en")).toContain("page sizes: 25, 50, 100");
  });

  it("shows nothing when the view is good", () => {
    expect(renderStaff(createElement(ViewProblems, { problems: parseDashboardParams({}).problems }), "fr")).toBe("");
  });
});
