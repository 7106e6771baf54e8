// The DRP API's rate limits (lib/drp/read-drp-call.ts), set small through the environment: per
// client address every call, per agent new filings. The call past a limit is answered 429 in the
// protocol's error shape with Retry-After, and stores nothing; a header the client writes
// (X-Forwarded-For, the portal's own socket-address header) does not make it another caller.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

process.env.DRP_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = "5";
process.env.DRP_RATE_LIMIT_FILINGS_PER_AGENT_PER_MINUTE = "2";

const { db } = await import("../../lib/db.ts");
const { addDrpAgent } = await import("../../lib/drp/add-drp-agent.ts");
const { trustSocketAddressHeader } = await import("../../lib/http/client-address.ts");
const { envelope, exerciseMessage, testAgent } = await import("../support/drp-agent.ts");
const { startDrpServer } = await import("../support/drp-server.ts");

const BUSINESS = "TEST_PORTAL";
const suffix = crypto.randomUUID().replaceAll("-", "").slice(0, 12).toUpperCase();
const agent = testAgent(`AGENT_RL_${suffix}`);
const second = testAgent(`AGENT_RL2_${suffix}`);
let server: Awaited<ReturnType<typeof startDrpServer>>;

beforeAll(async () => {
  // As scripts/web-server.ts does: the socket's address, written by the server, is the caller.
  trustSocketAddressHeader();
  server = await startDrpServer();
  for (const a of [agent, second])
    await addDrpAgent({ id: a.id, name: `Agent ${a.id}`, verifyKey: a.verifyKey }, { type: "SYSTEM", id: "test" });
  // Every call of this file in one fixed minute of its own (the limits are per clock minute),
  // days away from the other files' calls from this address.
  vi.useFakeTimers({ toFake: ["Date"], now: Math.floor(Date.now() / 60_000) * 60_000 + 3 * 86_400_000 + 1_000 });
});
afterAll(async () => {
  vi.useRealTimers();
  await server?.close();
});

async function call(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, { method: "POST", headers: { "content-type": "text/plain", ...headers }, body });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get("retry-after"), json: text ? JSON.parse(text) : null };
}

const setup = (a: ReturnType<typeof testAgent>, headers: Record<string, string> = {}) =>
  call(`/v1/agent/${a.id}`, a.sign({ ...envelope(a.id, BUSINESS, new Date()), "drp.version": "1.0" }), headers);

function exercise(email: string) {
  return exerciseMessage(agent, BUSINESS, email);
}

describe("DRP rate limits", () => {
  it("refuses the filing past the agent's limit, then every call past the address's limit, whatever headers say", async () => {
    const token = (await setup(agent)).json.token as string; // address call 1
    const file = (email: string, headers: Record<string, string> = {}) =>
      call("/v1/data-rights-request", exercise(email), { authorization: `Bearer ${token}`, ...headers });
    const emails = [1, 2, 3].map((n) => `rl-${n}-${suffix.toLowerCase()}@example.test`);
    expect((await file(emails[0])).status).toBe(200); // address call 2, filing 1
    expect((await file(emails[1])).status).toBe(200); // address call 3, filing 2

    // Filing 3: the agent's limit.
    const tooMany = await file(emails[2]); // address call 4
    expect(tooMany.status).toBe(429);
    expect(tooMany.json).toEqual({ code: "429", message: expect.stringMatching(/^Too many requests: try again in \d+ seconds\.$/) });
    expect(Number(tooMany.retryAfter)).toBeGreaterThan(0);
    expect(await db().dsarRequest.count({ where: { email: emails[2] } })).toBe(0);
    expect(await db().dsarRequest.count({ where: { email: { in: emails.slice(0, 2) } } })).toBe(2);

    // Address call 5 is the last allowed; from 6 on the address is refused, another agent too.
    expect((await setup(second)).status).toBe(200);
    const tokensBefore = await db().drpAgentToken.count({ where: { agentId: second.id } });
    const disguised: Array<Record<string, string>> = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-dsar-socket-address": "198.51.100.7" },
      { "x-real-ip": "192.0.2.44", forwarded: "for=192.0.2.44" },
    ];
    for (const headers of disguised) {
      const refused = await setup(second, headers);
      expect(refused.status, JSON.stringify(headers)).toBe(429);
      expect(refused.json.code).toBe("429");
    }
    expect(await db().drpAgentToken.count({ where: { agentId: second.id } })).toBe(tokensBefore);
    const seen = await db().drpSeenMessage.count();
    const refusedFiling = await file(`rl-4-${suffix.toLowerCase()}@example.test`, { "x-forwarded-for": "203.0.113.10" });
    expect(refusedFiling.status).toBe(429);
    expect(await db().drpSeenMessage.count()).toBe(seen);
    expect(await db().dsarRequest.count({ where: { email: `rl-4-${suffix.toLowerCase()}@example.test` } })).toBe(0);
  });
});
