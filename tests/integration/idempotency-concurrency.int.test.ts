// Idempotency keys under concurrency with a small connection pool: no call may wait on a
// connection while holding another, every key creates exactly one request, replays are identical.
import { beforeAll, describe, expect, it } from "vitest";

process.env.DATABASE_POOL_SIZE = "3";
process.env.RATE_LIMIT_PER_IP_PER_HOUR = "1000";
process.env.RATE_LIMIT_PER_EMAIL_PER_DAY = "1000";

const { POST: fileRequest } = await import("../../app/api/v1/requests/route.ts");
const { GET: health } = await import("../../app/api/v1/health/route.ts");
const { db, disconnectDb } = await import("../../lib/db.ts");

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
    const calls = Array.from({ length: 20 }, () => fileRequest(post(body(email), { "idempotency-key": key, "x-forwarded-for": sender })));
    const [answers, healthDuring] = await Promise.all([Promise.all(calls.map(async (c) => answer(await c))), health()]);
    expect(answers.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    const created = answers.filter((a) => a.status === 202);
    expect(created.length).toBe(20);
    expect(new Set(created.map((a) => a.body.reference)).size).toBe(1);
    expect(created.filter((a) => a.replayed === null).length).toBe(1);
    expect(await db().dsarRequest.count({ where: { email } })).toBe(1);
    expect(healthDuring.status).toBe(200);

    const retried = await answer(await fileRequest(post(body(email), { "idempotency-key": key, "x-forwarded-for": sender })));
    expect(retried).toEqual({ ...created[0], replayed: "true" });
    expect(await db().dsarRequest.count({ where: { email } })).toBe(1);
  });

  it("twelve parallel calls with different keys: no 5xx, one request per key", async () => {
    const stamp = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 12 }, async (_, i) =>
        answer(
          await fileRequest(
            post(body(`many${i}-${stamp}@example.test`), { "idempotency-key": `many-${stamp}-${i}`, "x-forwarded-for": address() }),
          ),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(202));
    for (let i = 0; i < 12; i++) expect(await db().dsarRequest.count({ where: { email: `many${i}-${stamp}@example.test` } })).toBe(1);
  });
});
