// Idempotency keys under concurrency with a small connection pool: no call may wait on a
// connection while holding another, every key creates exactly one request, replays are identical.
import { beforeAll, describe, expect, it } from "vitest";

process.env.DATABASE_POOL_SIZE = "3";
process.env.RATE_LIMIT_PER_IP_PER_HOUR = "1000";
process.env.RATE_LIMIT_PER_EMAIL_PER_DAY = "1000";

const { POST: fileRequest } = await import("../../app/api/v1/requests/route.ts");
const { GET: health } = await import("../../app/api/v1/health/route.ts");
const { db, disconnectDb, DbInsideTransactionError } = await import("../../lib/db.ts");
const { withIdempotency } = await import("../../lib/http/idempotency.ts");
const { AppError } = await import("../../lib/errors.ts");

let n = 0;
const address = () => `10.77.${Math.floor(n / 250)}.${(n++ % 250) + 1}`;
const body = (email: string) => ({ type: "access", email, country: "FR", fullName: "Ana Pérez" });

function post(payload: unknown, headers: Record<string, string>) {
  return new Request("http://localhost/api/v1/requests", {
    method: "POST",
    body: JSON.stringify(payload),
    headers: { "content-type": "application/json", ...headers },
  });
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json(), replayed: response.headers.get("idempotent-replayed") };
}

beforeAll(async () => {
  // A pool of 3 for this file (the client is created lazily with the size read at that moment).
  await disconnectDb();
});

describe("Idempotency-Key under concurrency (pool of 3)", () => {
  it("twenty parallel calls with one key: no 5xx, one request, the same answer for all", async () => {
    const email = `shared${Date.now()}@example.test`;
    const key = `shared-${Date.now()}`;
    const sender = address();
    const calls = Array.from({ length: 20 }, () =>
      fileRequest(post(body(email), { "idempotency-key": key, "x-dsar-socket-address": sender })),
    );
    const [answers, healthDuring] = await Promise.all([Promise.all(calls.map(async (c) => answer(await c))), health()]);
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    const created = answers.filter((a) => a.status === 202);
    expect(created.length).toBe(20);
    expect(new Set(created.map((a) => a.body.reference)).size).toBe(1);
    expect(created.filter((a) => a.replayed === null).length).toBe(1);
    expect(await db().dsarRequest.count({ where: { email } })).toBe(1);
    expect(healthDuring.status).toBe(200);

    const retried = await answer(await fileRequest(post(body(email), { "idempotency-key": key, "x-dsar-socket-address": sender })));
    expect(retried).toEqual({ ...created[0], replayed: "true" });
    expect(await db().dsarRequest.count({ where: { email } })).toBe(1);
  });

  it("twelve parallel calls with different keys: no 5xx, one request per key", async () => {
    const stamp = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        answer(
          await fileRequest(
            post(body(`many${i}-${stamp}@example.test`), { "idempotency-key": `many-${stamp}-${i}`, "x-dsar-socket-address": address() }),
          ),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
    for (let i = 0; i < 12; i++) expect(await db().dsarRequest.count({ where: { email: `many${i}-${stamp}@example.test` } })).toBe(1);
  });
});

describe("the staff API shares the path", () => {
  it("twenty parallel approvals with one key: no 5xx, one approval, the same answer for all", async () => {
    const { POST: approve } = await import("../../app/api/v1/requests/[reference]/approve/route.ts");
    const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
    const { postAs, storeRequest } = await import("../support/staff-api-calls.ts");
    const { key } = await createApiKey({ name: "Parallel CRM", role: "agent" });
    const request = await storeRequest({ status: "VERIFIED" });
    const headers = { "idempotency-key": `approve-${Date.now()}` };
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => answer(await postAs(approve, key, request.reference, undefined, headers))),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    for (const other of answers) expect(other.body).toEqual(answers[0].body);
    expect(await db().auditEvent.count({ where: { requestId: request.id, action: "request.approved" } })).toBe(1);
  });
});

describe("Idempotency-Key scopes (one per client)", () => {
  it("two anonymous clients with the same key each get their own request", async () => {
    const key = `common-${Date.now()}`;
    const [a, b] = [`scope-a${Date.now()}@example.test`, `scope-b${Date.now()}@example.test`];
    const first = await answer(await fileRequest(post(body(a), { "idempotency-key": key, "x-dsar-socket-address": address() })));
    const second = await answer(await fileRequest(post(body(b), { "idempotency-key": key, "x-dsar-socket-address": address() })));
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.replayed).toBeNull();
    expect(second.body.reference).not.toBe(first.body.reference);
    expect(await db().dsarRequest.count({ where: { email: { in: [a, b] } } })).toBe(2);
  });

  it("an API key scopes its own Idempotency-Keys, refuses another body under one, and must be valid", async () => {
    const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
    const [one, two] = [await createApiKey({ name: "Intake A", role: "agent" }), await createApiKey({ name: "Intake B", role: "agent" })];
    const key = `integration-${Date.now()}`;
    const email = `keyed${Date.now()}@example.test`;
    const sender = address();
    const as = (apiKey: string) => ({ "idempotency-key": key, "x-dsar-socket-address": sender, authorization: `Bearer ${apiKey}` });
    const first = await answer(await fileRequest(post(body(email), as(one.key))));
    const replay = await answer(await fileRequest(post(body(email), as(one.key))));
    const other = await answer(await fileRequest(post(body(email), as(two.key))));
    expect(replay).toEqual({ ...first, replayed: "true" });
    expect(other.replayed).toBeNull();
    expect(other.body.reference).not.toBe(first.body.reference);
    const reused = await answer(await fileRequest(post(body(`other${email}`), as(one.key))));
    expect([reused.status, reused.body.error.code]).toEqual([422, "IDEMPOTENCY_KEY_REUSED"]);
    const invalid = await answer(await fileRequest(post(body(email), as(`dsar_AAAAAAAA_${"A".repeat(43)}`))));
    expect(invalid.status).toBe(401);
  });
});

describe("a claim whose work died", () => {
  const bucket = (key: string) =>
    db().$transaction((tx) =>
      tx.rateLimitBucket.create({ data: { key, windowStart: new Date(0), count: 1, expiresAt: new Date(Date.now() + 60_000) } }),
    );
  const made = (key: string) => db().rateLimitBucket.count({ where: { key } });
  const never = () => new Promise<never>(() => {});
  // The work's transaction, then what it answers.
  const thenAnswer = async <T>(work: Promise<unknown>, answer: T | Promise<T>): Promise<T> => {
    await work;
    return answer;
  };
  const quick = { waitForMs: 0 };
  // Waits for the first call to reach a point (its claim, its commit), then ends its lease as if
  // the time had passed: no test depends on how long anything takes.
  async function reached(key: string, point: "claimed" | "committed") {
    for (;;) {
      const record = await db().idempotencyRecord.findUnique({ where: { scope_key: { scope: "test", key } } });
      if (record && (point === "claimed" || record.workCommittedAt)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  const endLease = (key: string) =>
    db().idempotencyRecord.updateMany({ where: { scope: "test", key }, data: { leaseExpiresAt: new Date(0) } });

  it("is taken over after its lease when none of its work committed, and runs once", async () => {
    const row = `takeover-${Date.now()}`;
    void withIdempotency("test", row, "{}", never);
    await reached(row, "claimed");
    await expect(withIdempotency("test", row, "{}", async () => ({ status: 200, body: {} }), quick)).rejects.toMatchObject({
      code: "IDEMPOTENCY_IN_PROGRESS",
    });
    await endLease(row);
    const next = await withIdempotency("test", row, "{}", async () => thenAnswer(bucket(row), { status: 201, body: { row } }), quick);
    expect(next).toEqual({ status: 201, body: { row }, replayed: false });
    expect(await made(row)).toBe(1);
  });

  it("replays the answer stored in the work's own transaction when the process died right after it committed", async () => {
    const row = `crash-after-commit-${Date.now()}`;
    const options = { ...quick, answerFromTransaction: () => ({ status: 202, body: { row } }) };
    void withIdempotency("test", row, "{}", async () => thenAnswer(bucket(row), never()), options);
    await reached(row, "committed");
    await endLease(row);
    const retried = await withIdempotency(
      "test",
      row,
      "{}",
      async () => thenAnswer(bucket(row), { status: 202, body: { other: true } }),
      options,
    );
    expect(retried).toEqual({ status: 202, body: { row }, replayed: true });
    expect(await made(row)).toBe(1);
  });

  it("never runs again once its work committed without an answer: 409 IDEMPOTENCY_OUTCOME_UNKNOWN", async () => {
    const row = `lost-answer-${Date.now()}`;
    void withIdempotency("test", row, "{}", async () => thenAnswer(bucket(row), never()));
    await reached(row, "committed");
    await endLease(row);
    await expect(
      withIdempotency("test", row, "{}", async () => thenAnswer(bucket(row), { status: 200, body: {} }), quick),
    ).rejects.toMatchObject({
      code: "IDEMPOTENCY_OUTCOME_UNKNOWN",
    });
    expect(await made(row)).toBe(1);
  });

  it("rolls back a slow work whose claim was taken over, so only one commits", async () => {
    const row = `slow-${Date.now()}`;
    let resume: () => void = () => {};
    const paused = new Promise<void>((r) => {
      resume = r;
    });
    const slow = withIdempotency("test", row, "{}", async () =>
      thenAnswer(
        paused.then(() => bucket(`${row}-slow`)),
        { status: 200, body: { by: "slow" } },
      ),
    );
    await reached(row, "claimed");
    await endLease(row);
    const fresh = await withIdempotency("test", row, "{}", async () =>
      thenAnswer(bucket(`${row}-fresh`), { status: 200, body: { by: "fresh" } }),
    );
    expect(fresh).toEqual({ status: 200, body: { by: "fresh" }, replayed: false });
    resume();
    await expect(slow).rejects.toBeInstanceOf(AppError);
    expect([await made(`${row}-slow`), await made(`${row}-fresh`)]).toEqual([0, 1]);
    expect(await withIdempotency("test", row, "{}", never)).toEqual({ ...fresh, replayed: true });
  });
});

describe("the answer of POST /api/v1/requests in the submission's own transaction", () => {
  it("is read from createSubmission's transaction, with the reference it created", async () => {
    const { withTransactionHook } = await import("../../lib/db.ts");
    const { createSubmission } = await import("../../lib/requests/create-submission.ts");
    const { intakeAnswerFromTransaction } = await import("../../lib/api/intake-answer.ts");
    const seen: unknown[] = [];
    const created = await withTransactionHook(
      async (_tx, result) => {
        seen.push(intakeAnswerFromTransaction(result));
      },
      () => createSubmission({ input: { email: `intx${Date.now()}@example.test`, country: "FR", types: ["access"] }, channel: "API" }),
    );
    expect(seen).toEqual([{ status: 202, body: { reference: created.requests[0].reference, status: "submitted" } }]);
  });
});

describe("the guard against db() inside a transaction callback", () => {
  it("throws when a transaction's callback asks the pool for another connection, and not outside it", async () => {
    await expect(db().$transaction(async () => db().dsarRequest.count())).rejects.toBeInstanceOf(DbInsideTransactionError);
    const helper = () => db().dsarRequest.count();
    await expect(db().$transaction(async (tx) => (await tx.dsarRequest.count()) + (await helper()))).rejects.toBeInstanceOf(
      DbInsideTransactionError,
    );
    expect(await db().$transaction(async (tx) => tx.dsarRequest.count())).toBeGreaterThanOrEqual(0);
    expect(await db().dsarRequest.count()).toBeGreaterThanOrEqual(0);
  });
});
