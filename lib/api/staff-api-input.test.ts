// The staff API's input: the list's query (lists in any letter case, limits, unknown parameters
// refused) and the 400s that name each field with the schema's own words.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { createRequestSchema } from "../requests/request-input.schema.ts";
import { parseInput, parseReference, queryObject } from "./parse-input.ts";
import { assignBodySchema, denyBodySchema, extendBodySchema, listRequestsQuerySchema } from "./staff-api.schema.ts";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

const query = (text: string) => parseInput(listRequestsQuerySchema, queryObject(new URLSearchParams(text)));

describe("the list's query", () => {
  it("has defaults: by due date, ascending, first page of 25", () => {
    expect(query("")).toEqual({ sort: "dueDate", order: "asc", page: 1, pageSize: 25 });
  });

  it("reads lists in any letter case, repeated or comma-separated, without duplicates", () => {
    expect(query("status=Verified,AWAITING_SUBJECT&status=verified&type=ERASURE&jurisdiction=us_ca,eu_gdpr&order=DESC")).toMatchObject({
      status: ["verified", "awaiting_subject"],
      type: ["erasure"],
      jurisdiction: ["US_CA", "EU_GDPR"],
      order: "desc",
    });
  });

  it("treats an empty parameter as not given", () => {
    expect(query("status=&page=&dueBefore=")).toEqual({ sort: "dueDate", order: "asc", page: 1, pageSize: 25 });
  });

  it("names each bad or unknown parameter and the values it accepts", () => {
    const error = refusal(() => query("status=open,verified&pageSize=500&dueBefore=2025-02-30&pagesize=10"));
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(["dueBefore", "pageSize", "pagesize", "status"]);
    expect(error.issues?.find((issue) => issue.path === "status")?.message).toBe(
      'Unknown status "open": use submitted, verified, awaiting_subject, approved, in_progress, completed, denied, withdrawn, expired.',
    );
    expect(error.issues?.find((issue) => issue.path === "pagesize")?.message).toBe("Unknown field: remove it or check its spelling.");
    expect(error.message).toMatch(/^Invalid /);
    expect(refusal(() => query("page=1.5")).issues?.[0]).toEqual({ path: "page", message: "Must be a whole number." });
    expect(refusal(() => query("page=two")).issues?.[0]?.path).toBe("page");
  });
});

describe("action bodies", () => {
  it("deny takes its reason in any letter case and refuses unknown fields", () => {
    expect(parseInput(denyBodySchema, { reason: "No_Data_Held" })).toEqual({ reason: "no_data_held" });
    const error = refusal(() => parseInput(denyBodySchema, { reason: "nope", force: true }));
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(["force", "reason"]);
  });

  it("extend keeps the service's own message; assign takes an email or null, never a missing field", () => {
    expect(refusal(() => parseInput(extendBodySchema, { reason: "busy" })).issues).toEqual([
      { path: "reason", message: "Give the reasons the person will read (at least 10 characters)." },
    ]);
    expect(parseInput(assignBodySchema, { userEmail: null })).toEqual({ userEmail: null });
    expect(refusal(() => parseInput(assignBodySchema, {})).issues?.[0]?.path).toBe("userEmail");
    expect(refusal(() => parseInput(assignBodySchema, { userEmail: "someone" })).issues?.[0]?.message).toMatch(/staff member's email/);
  });

  it("shows the public schemas' message keys as English text", () => {
    const error = refusal(() => parseInput(createRequestSchema, { type: "access", email: "nope", country: "FR" }));
    expect(error.issues).toEqual([{ path: "email", message: "Enter a valid email address, such as name@example.com." }]);
  });
});

describe("references in the path", () => {
  it("accepts any letter case and answers 404 for one that cannot exist", () => {
    expect(parseReference(" dsr-7k3m-q9px ")).toBe("DSR-7K3M-Q9PX");
    expect(refusal(() => parseReference("DSR-7K3M")).code).toBe("NOT_FOUND");
    expect(refusal(() => parseReference(undefined)).code).toBe("NOT_FOUND");
  });
});
