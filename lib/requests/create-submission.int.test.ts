// References are drawn at random (40 bits) and checked by a unique index: a draw that meets a taken
// reference must draw again, not fail the person's request. The draws are pinned here so the
// collision happens every run instead of once in a million requests.
import { describe, expect, it, vi } from "vitest";
import { db } from "../db.ts";
import { createSubmission } from "./create-submission.ts";

const draws = vi.hoisted(() => ({ queue: [] as string[] }));
vi.mock("../crypto.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../crypto.ts")>();
  // Only the source of randomness is pinned: the next queued reference, then real draws.
  return { ...actual, randomReference: () => draws.queue.shift() ?? actual.randomReference() };
});

let n = 0;
const emailOf = () => `collision${Date.now()}${n++}@example.test`;
const file = (types: Array<"access" | "erasure">, email = emailOf()) =>
  createSubmission({ input: { types, email, country: "FR", locale: "en" }, channel: "WEB" });

describe("createSubmission when a drawn reference is taken", () => {
  it("draws again and files the request once, with one email and one audit event", async () => {
    const taken = (await file(["access"])).requests[0].reference;
    const email = emailOf();
    draws.queue = [taken];
    const created = await file(["access"], email);
    expect(draws.queue).toEqual([]);
    const [request] = created.requests;
    expect(request.reference).not.toBe(taken);
    expect(request.reference).toMatch(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // The failed attempt left nothing behind: one request, one challenge, one email, one audit event.
    const rows = await db().dsarRequest.findMany({ where: { submissionId: created.submissionId } });
    expect(rows.map((row) => row.reference)).toEqual([request.reference]);
    expect(await db().verificationChallenge.count({ where: { submissionId: created.submissionId } })).toBe(1);
    expect(await db().statusLinkToken.count({ where: { submissionId: created.submissionId } })).toBe(1);
    expect(await db().emailMessage.count({ where: { requestId: request.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { requestId: request.id, action: "request.submitted" } })).toBe(1);
  });

  it("draws again when two rights of one submission draw the same reference", async () => {
    const twice = `DSR-${"7K3M"}-${String(Date.now() % 10_000).padStart(4, "0")}`;
    draws.queue = [twice, twice];
    const created = await file(["access", "erasure"]);
    const references = created.requests.map((r) => r.reference);
    expect(new Set(references).size).toBe(2);
    expect(draws.queue).toEqual([]);
    expect(await db().dsarRequest.count({ where: { submissionId: created.submissionId } })).toBe(2);
  });

  it("gives up with an error that names the problem when every draw is taken", async () => {
    const taken = (await file(["access"])).requests[0].reference;
    const email = emailOf();
    draws.queue = Array.from({ length: 50 }, () => taken);
    await expect(file(["access"], email)).rejects.toThrow(/reference drawn in 5 tries was already taken/);
    // Bounded: five tries of one draw each, not the whole queue.
    expect(draws.queue.length).toBe(50 - 5);
    draws.queue = [];
    expect(await db().dsarRequest.count({ where: { email } })).toBe(0);
  });
});
