// The queues dashboard's checks, run once per queue backend (Redis, PostgreSQL): who may open it,
// that its page carries the CSP nonce, that it lists every queue, and that changes need the
// portal's own Origin when they ride on the session cookie.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** Imports after the caller has set the environment, then declares the tests. */
export async function describeQueuesDashboard(backend: "redis" | "postgres") {
  const { GET, PUT, POST } = await import("../../app/staff/queues/[[...path]]/route.ts");
  const { db } = await import("../../lib/db.ts");
  const { createStaffSession } = await import("../../lib/auth/create-staff-session.ts");
  const { createApiKey } = await import("../../lib/auth/create-api-key.ts");
  const { STAFF_SESSION_COOKIE } = await import("../../lib/auth/staff-session-cookie.ts");
  const { getQueue, closeQueues } = await import("../../lib/queue/enqueue.ts");
  const { queueRuntime, closeQueueRuntime } = await import("../../lib/queue/backend.ts");
  const { connectorQueueName } = await import("../../lib/queue/jobs.ts");

  describe(`the queues dashboard on ${backend}`, () => {
    const appUrl = process.env.APP_URL as string;
    const connectorKey = `dash-${randomBytes(3).toString("hex")}`;
    const queueName = connectorQueueName(connectorKey);
    let adminCookie = "";
    let agentCookie = "";

    async function signedIn(role: "ADMIN" | "AGENT") {
      const user = await db().staffUser.create({
        data: {
          email: `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@example.test`,
          role,
          passwordHash: "not-used-here",
          mustChangePassword: false,
          // Admins must have two-factor: on, and this session has passed it.
          totpEnabledAt: role === "ADMIN" ? new Date() : null,
        },
      });
      const session = await createStaffSession(user.id);
      await db().staffSession.update({ where: { id: session.sessionId }, data: { secondFactorAt: new Date() } });
      return `${STAFF_SESSION_COOKIE}=${session.token}`;
    }

    const call = (handler: (request: Request) => Promise<Response>, method: string, path: string, headers: Record<string, string> = {}) =>
      handler(new Request(new URL(path, appUrl), { method, headers }));

    beforeAll(async () => {
      expect(queueRuntime().kind).toBe(backend);
      adminCookie = await signedIn("ADMIN");
      agentCookie = await signedIn("AGENT");
      await db().connector.create({
        data: {
          key: connectorKey,
          name: "Dashboard test source",
          type: "manual",
          actions: ["ERASURE"],
          enabled: false,
          configEncrypted: "unused",
        },
      });
      await getQueue(queueName).add("connector.run", { taskId: randomUUID() });
    });

    afterAll(async () => {
      await getQueue(queueName).obliterate({ force: true });
      await closeQueues();
      await closeQueueRuntime();
    });

    it("sends a visitor without a session to sign in, and refuses roles without queues.manage", async () => {
      const page = await call(GET, "GET", "/staff/queues", { accept: "text/html" });
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/staff/sign-in");
      expect((await call(GET, "GET", "/staff/queues/api/queues")).status).toBe(401);
      expect((await call(GET, "GET", "/staff/queues/static/images/logo.svg")).status).toBe(401);
      const asAgent = await call(GET, "GET", "/staff/queues/api/queues", { cookie: agentCookie });
      expect(asAgent.status).toBe(403);
      expect((await call(GET, "GET", "/staff/queues", { cookie: agentCookie, accept: "text/html" })).status).toBe(403);
    });

    it("serves its page with the request's nonce on every script, and its own files only", async () => {
      const nonce = randomBytes(16).toString("base64");
      const page = await call(GET, "GET", "/staff/queues", { cookie: adminCookie, accept: "text/html", "x-nonce": nonce });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<base href="/staff/queues/" />');
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain("fonts.googleapis.com");
      expect(html).not.toContain("<%");
      const src = /<script[^>]+src="(static\/js\/main\.[^"]+)"/.exec(html)?.[1];
      const script = await call(GET, "GET", `/staff/queues/${src}`, { cookie: adminCookie });
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toContain("javascript");
      // A deep link inside the dashboard is the same page.
      expect((await call(GET, "GET", `/staff/queues/queue/${queueName}`, { cookie: adminCookie, accept: "text/html" })).status).toBe(200);
      const outside = await call(GET, "GET", "/staff/queues/static/%2e%2e%2f%2e%2e%2fpackage.json", { cookie: adminCookie });
      expect(outside.status).toBe(404);
    });

    it("lists every queue of the portal, a connector's own included, with its jobs", async () => {
      const answer = await call(GET, "GET", `/staff/queues/api/queues?activeQueue=${queueName}&status=waiting&page=1`, {
        cookie: adminCookie,
      });
      expect(answer.status, await answer.clone().text()).toBe(200);
      const body = (await answer.json()) as { queues: Array<{ name: string; counts: Record<string, number>; jobs: unknown[] }> };
      const names = body.queues.map((queue) => queue.name);
      for (const name of ["email", "maintenance", "fulfilment", queueName]) expect(names.some((n) => n.endsWith(name))).toBe(true);
      const mine = body.queues.find((queue) => queue.name.endsWith(queueName));
      expect(mine?.counts.waiting).toBe(1);
      expect(mine?.jobs).toHaveLength(1);
      // The datastore panel: Redis INFO, or PostgreSQL's own figures.
      const stats = await call(GET, "GET", "/staff/queues/api/redis/stats", { cookie: adminCookie });
      expect(stats.status, await stats.clone().text()).toBe(200);
    });

    it("accepts changes with the session cookie only from the portal's own origin", async () => {
      const path = `/staff/queues/api/queues/${queueName}/pause`;
      const crossSite: Array<Record<string, string>> = [
        { cookie: adminCookie },
        { cookie: adminCookie, origin: "https://evil.example" },
        { cookie: adminCookie, origin: "null" },
        { cookie: adminCookie, origin: new URL(appUrl).origin.replace("http:", "https:") },
        { cookie: adminCookie, origin: appUrl, "sec-fetch-site": "cross-site" },
      ];
      for (const headers of crossSite) {
        const refused = await call(PUT, "PUT", path, headers);
        expect(refused.status, JSON.stringify(headers)).toBe(403);
      }
      expect(await getQueue(queueName).isPaused()).toBe(false);
      expect((await call(PUT, "PUT", path, { cookie: agentCookie, origin: appUrl })).status).toBe(403);
      expect((await call(POST, "POST", path, { origin: appUrl })).status).toBe(401);
      expect((await call(PUT, "PUT", path, { origin: "https://evil.example" })).status).toBe(401);

      const allowed = await call(PUT, "PUT", path, { cookie: adminCookie, origin: appUrl, "sec-fetch-site": "same-origin" });
      expect(allowed.status, await allowed.clone().text()).toBeLessThan(300);
      expect(await getQueue(queueName).isPaused()).toBe(true);
      await getQueue(queueName).resume();
    });

    it("accepts changes from an admin API key, never from a weaker one", async () => {
      const admin = await createApiKey({ name: "ops", role: "admin" });
      const auditor = await createApiKey({ name: "audit", role: "auditor" });
      const plain = `/staff/queues/api/queues/${queueName}/pause`;
      const refused = await call(PUT, "PUT", plain, { authorization: `Bearer ${auditor.key}` });
      expect(refused.status).toBe(403);
      const done = await call(PUT, "PUT", plain, { authorization: `Bearer ${admin.key}` });
      expect(done.status, await done.clone().text()).toBe(200);
      expect(await getQueue(queueName).isPaused()).toBe(true);
      await getQueue(queueName).resume();
    });
  });
}
