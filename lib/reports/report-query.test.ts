import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { lastTwelveMonths, metricsQueryFields, parseReportQuery, periodFields, registerQueryFields } from "./report-query.ts";

const today = "2026-03-15";

function problems(query: Record<string, string | string[]>, fields = registerQueryFields) {
  try {
    parseReportQuery(query, fields, today);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).issues;
  }
  throw new Error("expected the query to be refused");
}

describe("report query", () => {
  it("defaults to the previous calendar year, every jurisdiction, JSON", () => {
    expect(parseReportQuery({}, registerQueryFields, today)).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      jurisdiction: null,
      format: "json",
    });
  });

  it("defaults to the last twelve months where the caller says so (the staff page)", () => {
    expect(parseReportQuery({}, periodFields, today, lastTwelveMonths)).toEqual({
      from: "2025-03-16",
      to: "2026-03-15",
      jurisdiction: null,
    });
    // Dates given still win over the default.
    expect(parseReportQuery({ from: "2024-01-01", to: "2024-06-30" }, periodFields, today, lastTwelveMonths)).toMatchObject({
      from: "2024-01-01",
      to: "2024-06-30",
    });
    expect(lastTwelveMonths("2024-02-29")).toEqual({ from: "2023-03-01", to: "2024-02-29" });
  });

  it("runs a lone from to the end of its year and a lone to from the start of its year", () => {
    expect(parseReportQuery({ from: "2026-01-01" }, periodFields, today)).toEqual({
      from: "2026-01-01",
      to: "2026-12-31",
      jurisdiction: null,
    });
    expect(parseReportQuery({ to: "2024-06-30" }, periodFields, today)).toEqual({
      from: "2024-01-01",
      to: "2024-06-30",
      jurisdiction: null,
    });
  });

  it("reads URLSearchParams, blank fields as missing, and a jurisdiction in any case", () => {
    const query = new URLSearchParams("from=2024-02-01&to=&jurisdiction=us_ca&format=csv&table=jurisdictions");
    expect(parseReportQuery(query, metricsQueryFields, today)).toEqual({
      from: "2024-02-01",
      to: "2024-12-31",
      jurisdiction: "US_CA",
      format: "csv",
      table: "jurisdictions",
    });
    expect(parseReportQuery({ jurisdiction: "all" }, periodFields, today).jurisdiction).toBeNull();
  });

  it("accepts five years and refuses a day more", () => {
    expect(parseReportQuery({ from: "2021-01-01", to: "2025-12-31" }, periodFields, today).to).toBe("2025-12-31");
    expect(problems({ from: "2021-01-01", to: "2026-01-01" })).toEqual([
      { path: "to", message: "makes the period longer than 5 years (at most 2025-12-31); ask for shorter periods" },
    ]);
  });

  it("names every bad parameter", () => {
    expect(problems({ from: "2025-02-30", jurisdiction: "XX", format: "pdf", page: "2" })).toEqual([
      { path: "page", message: "is not a parameter of this report (from, to, jurisdiction, format)" },
      { path: "from", message: "is not a date of the calendar" },
      { path: "jurisdiction", message: "must be all or a jurisdiction code such as US_CA or EU_GDPR" },
      { path: "format", message: "must be json or csv" },
    ]);
    expect(problems({ to: "2025-1-5" })).toEqual([{ path: "to", message: "must be a date written YYYY-MM-DD" }]);
    expect(problems({ from: "2025-05-02", to: "2025-05-01" })).toEqual([{ path: "to", message: "must be on or after from (2025-05-02)" }]);
    expect(problems({ format: ["csv", "json"] })).toEqual([{ path: "format", message: "is given more than once" }]);
  });

  it("says which parameters are wrong in the error's message", () => {
    expect(() => parseReportQuery({ from: "soon" }, periodFields, today)).toThrow("Invalid from: must be a date written YYYY-MM-DD.");
  });

  it("writes the problems in the member's language for the staff page, and keeps the error's message in English", () => {
    let refusal: unknown;
    try {
      parseReportQuery({ from: "2021-01-01", to: "2026-01-01", page: "2" }, periodFields, today, lastTwelveMonths, "fr");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).issues).toEqual([
      { path: "page", message: "n’est pas un paramètre de ce rapport (from, to, jurisdiction)" },
    ]);
    expect((refusal as AppError).message).toBe("Invalid page: is not a parameter of this report (from, to, jurisdiction).");
    try {
      parseReportQuery({ from: "2021-01-01", to: "2026-01-01" }, periodFields, today, lastTwelveMonths, "fr");
    } catch (error) {
      refusal = error;
    }
    expect((refusal as AppError).issues).toEqual([
      { path: "to", message: "rend la période plus longue que 5 ans (au plus tard le 2025-12-31) ; demandez des périodes plus courtes" },
    ]);
  });
});
