// Every route × role, against the built app: anonymous, agent, auditor, admin, and an integration's
// API key (the `integration` role: an API key only, no session, allowed one call). The table below
// must name every page, route handler and server action of the app; adding one without an entry
// fails this spec, so no route ships without a decision about who may use it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { sql, uniqueEmail } from "./support/fixtures.ts";
import { e2ePorts } from "./support/ports.ts";
import { apiKeyFor, createStaff, type Role, sessionCookieFor } from "./support/staff.ts";

type Who = "anonymous" | Role | "integration";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const staff: Role[] = ["agent", "auditor", "admin"];
const everyone = "everyone" as const;

/**
 * Who may use it: "everyone" (public), "signed" (its own credential, such as a connector's HMAC
 * signature: nobody gets in without it, whatever their role), or the staff roles allowed (others
 * get 403; anonymous 401 or the sign-in page). "agent-token": the Data Rights Protocol's routes, for
 * trusted authorized agents with their signed messages and bearer token only; everyone else gets
 * 403, as the protocol says (staff sessions and API keys open nothing there).
 */
type Allowed = typeof everyone | "signed" | "agent-token" | Array<Role | "integration">;

// Pages: path → who may open it.
const pages: Record<string, Allowed> = {
  "/[locale]": everyone,
  "/[locale]/[...rest]": everyone,
  "/[locale]/download/[token]": everyone,
  "/[locale]/privacy": everyone,
  "/[locale]/status/[token]": everyone,
  "/[locale]/submitted": everyone,
  "/[locale]/verify/[token]": everyone,
  "/staff": staff,
  "/staff/sign-in": everyone,
  "/staff/two-factor": everyone,
  "/staff/account": staff,
  "/staff/account/password": everyone,
  "/staff/account/two-factor": everyone,
  "/staff/settings": ["admin"],
  "/staff/settings/reminders": ["admin"],
  "/staff/settings/auto-approval": ["admin"],
  "/staff/settings/voluntary-rights": ["admin"],
  "/staff/settings/retention": ["admin"],
  "/staff/requests": staff,
  "/staff/requests/[id]": staff,
  "/staff/reports": ["auditor", "admin"],
  "/staff/reports/processing": ["auditor", "admin"],
  "/staff/connectors": staff,
  "/staff/connectors/new": ["admin"],
  "/staff/connectors/discover": ["admin"],
  "/staff/connectors/[key]": ["admin"],
  "/staff/users": ["admin"],
  "/staff/agents": ["admin"],
  "/staff/users/invite": ["admin"],
  // Gated by the invitation's own token, for someone who has no account yet.
  "/staff/invite/[token]": everyone,
  // Explains a refused single sign-on from a fixed list of reasons.
  "/staff/sso/refused": everyone,
};

// Route handlers: path → method → who may call it. Staff routes take an API key (or, for GET on
// /staff/*, the session cookie).
const routes: Record<string, Partial<Record<Method, Allowed>>> = {
  "/language": { GET: everyone },
  "/api/v1/health": { GET: everyone },
  // Filing is public; listing is staff's.
  "/api/v1/requests": { POST: everyone, GET: staff },
  "/api/v1/requests/[reference]/verify": { POST: everyone },
  "/api/v1/downloads/[token]": { POST: everyone },
  "/api/v1/status/[token]/packages/[reference]": { POST: everyone },
  "/api/v1/connector-callbacks/[taskId]": { POST: "signed" },
  "/.well-known/evidence-key": { GET: everyone },
  "/.well-known/gpc.json": { GET: everyone },
  // The integration role's one call; admins hold every permission.
  "/api/v1/opt-outs": { POST: ["integration", "admin"] },
  "/api/v1/openapi.json": { GET: everyone },
  "/api/v1/requests/[reference]": { GET: staff },
  "/api/v1/requests/[reference]/approve": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/deny": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/extend": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/request-information": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/assign": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/close": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/confirm-account-id": { POST: ["agent", "admin"] },
  "/api/v1/requests/[reference]/evidence": { GET: ["auditor", "admin"] },
  "/api/v1/reports/register": { GET: ["auditor", "admin"] },
  "/api/v1/reports/metrics": { GET: ["auditor", "admin"] },
  "/api/v1/reports/processing": { GET: ["auditor", "admin"] },
  "/staff/requests/[id]/evidence": { GET: ["auditor", "admin"] },
  "/staff/requests/export": { GET: staff },
  "/staff/requests/[id]/agent-permission": { GET: staff },
  "/staff/requests/[id]/tasks/[taskId]/complete": { POST: ["agent", "admin"] },
  // Single sign-on: how one signs in, so open; the attempt's state, the browser's cookie and the
  // provider's signed answer are the credentials (anything else is refused to /staff/sso/refused).
  "/staff/sso/start": { GET: everyone },
  "/staff/sso/callback": { GET: everyone },
  "/api/drp/v1/agent/[agentId]": { POST: "agent-token", GET: "agent-token" },
  "/api/drp/v1/data-rights-request": { POST: "agent-token" },
  "/api/drp/v1/data-rights-request/[requestId]": { GET: "agent-token", DELETE: "agent-token" },
  "/staff/queues/[[...path]]": { GET: ["admin"], POST: ["admin"], PUT: ["admin"], PATCH: ["admin"], DELETE: ["admin"] },
};

// Server actions: "file#export" → who may run it. "own-session" actions act only on the caller's
// own sign-in (they need no permission); "everyone" are the public side's.
const actions: Record<string, Allowed | "own-session"> = {
  "app/[locale]/actions.ts#submitRequestAction": everyone,
  "app/[locale]/actions.ts#verifyCodeAction": everyone,
  "app/[locale]/actions.ts#resendVerificationAction": everyone,
  "app/[locale]/actions.ts#confirmEmailAction": everyone,
  "app/[locale]/actions.ts#answerInformationAction": everyone,
  "app/[locale]/actions.ts#withdrawRequestAction": everyone,
  "app/[locale]/actions.ts#replyToTeamAction": everyone,
  "app/staff/auth-actions.ts#signInAction": everyone,
  "app/staff/auth-actions.ts#verifySecondFactorAction": "own-session",
  "app/staff/auth-actions.ts#changePasswordAction": "own-session",
  "app/staff/auth-actions.ts#confirmTwoFactorAction": "own-session",
  "app/staff/auth-actions.ts#regenerateRecoveryCodesAction": "own-session",
  "app/staff/auth-actions.ts#turnOffTwoFactorAction": "own-session",
  "app/staff/auth-actions.ts#signOutAction": "own-session",
  "app/staff/auth-actions.ts#signOutEverywhereAction": "own-session",
  "app/staff/auth-actions.ts#chooseLanguageAction": "own-session",
  "app/staff/settings/reminders/actions.ts#saveReminderSettingsAction": ["admin"],
  "app/staff/settings/auto-approval/actions.ts#saveAutoApprovalAction": ["admin"],
  "app/staff/settings/auto-approval/actions.ts#resetAutoApprovalAction": ["admin"],
  "app/staff/settings/voluntary-rights/actions.ts#saveVoluntaryRightsAction": ["admin"],
  "app/staff/settings/retention/actions.ts#saveRetentionSettingsAction": ["admin"],
  "app/staff/users/actions.ts#inviteStaffUserAction": ["admin"],
  "app/staff/users/actions.ts#reinviteStaffUserAction": ["admin"],
  "app/staff/users/actions.ts#changeStaffRoleAction": ["admin"],
  "app/staff/users/actions.ts#disableStaffUserAction": ["admin"],
  "app/staff/users/actions.ts#enableStaffUserAction": ["admin"],
  "app/staff/users/actions.ts#resetTwoFactorAction": ["admin"],
  "app/staff/agents/actions.ts#addDrpAgentAction": ["admin"],
  "app/staff/agents/actions.ts#disableDrpAgentAction": ["admin"],
  "app/staff/agents/actions.ts#enableDrpAgentAction": ["admin"],
  "app/staff/agents/actions.ts#rotateDrpAgentKeyAction": ["admin"],
  "app/staff/connectors/actions.ts#saveConnectorAction": ["admin"],
  "app/staff/connectors/actions.ts#setConnectorEnabledAction": ["admin"],
  "app/staff/connectors/actions.ts#testConnectorAction": ["admin"],
  "app/staff/connectors/discover/actions.ts#proposeMappingAction": ["admin"],
  "app/staff/invite/[token]/actions.ts#acceptInviteAction": everyone,
  "app/staff/requests/actions.ts#bulkAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#approveAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#denyAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#askForInformationAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#informationReceivedAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#extendAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#assignAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#addNoteAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#closeAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#confirmAccountIdAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#retryTaskAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#retryFinaliseAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#completeCorrectionsAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#messagePersonAction": ["agent", "admin"],
  "app/staff/requests/[id]/actions.ts#checkAgentPermissionAction": ["agent", "admin"],
};

// ---- what the app actually has -------------------------------------------------------------

const root = new URL("..", import.meta.url).pathname;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const appFiles = walk(join(root, "app")).map((file) => relative(root, file));
const routePath = (file: string) =>
  `/${file
    .split("/")
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("_"))
    .join("/")}`.replace(/\/$/, "") || "/";

const foundPages = appFiles.filter((f) => /\/page\.tsx?$/.test(f)).map(routePath);
const foundRoutes = Object.fromEntries(
  appFiles
    .filter((f) => /\/route\.tsx?$/.test(f))
    .map((f) => {
      const source = readFileSync(join(root, f), "utf8");
      const methods = [...source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => m[1],
      );
      const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) =>
        m[1].split(",").map(
          (s) =>
            s
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? "",
        ),
      );
      return [routePath(f), [...new Set([...methods, ...reexported.filter((m) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(m))])].sort()];
    }),
);
const foundActions = appFiles
  .filter((f) => /\.tsx?$/.test(f))
  .filter((f) => /^\s*["']use server["']/.test(readFileSync(join(root, f), "utf8")))
  .flatMap((f) => [...readFileSync(join(root, f), "utf8").matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `${f}#${m[1]}`));

test("the table names every page, route handler and server action of the app", () => {
  expect(foundPages.sort()).toEqual(Object.keys(pages).sort());
  expect(foundRoutes).toEqual(Object.fromEntries(Object.entries(routes).map(([path, methods]) => [path, Object.keys(methods).sort()])));
  expect(foundActions.sort()).toEqual(Object.keys(actions).sort());
});

// ---- calling them as each role ------------------------------------------------------------

const whoMay = (allowed: Allowed) =>
  Array.isArray(allowed)
    ? `only ${allowed.join(", ")}`
    : allowed === everyone
      ? "open to everyone"
      : allowed === "agent-token"
        ? "trusted authorized agents only"
        : "needs its own signature";

type Credentials = Record<Who, { cookie?: string; bearer?: string }>;
let credentials: Credentials;
let sample: Record<string, string>;

test.beforeAll(async () => {
  const accounts = Object.fromEntries(await Promise.all(staff.map(async (role) => [role, await createStaff(role)] as const)));
  credentials = { anonymous: {} } as Credentials;
  for (const role of staff) {
    credentials[role] = { cookie: `dsar_staff_session=${await sessionCookieFor(accounts[role])}`, bearer: await apiKeyFor(role) };
  }
  // The integration role has no staff account: its API key is all it has, on every route.
  credentials.integration = { bearer: await apiKeyFor("integration") };
  const email = uniqueEmail("authz");
  const [request] = await sql<{ id: string; reference: string }>(
    `INSERT INTO requests (id, reference, "submissionId", type, status, channel, email, "emailHash", country, jurisdiction, "timeZone", "holidayRegion", "verifyBy", "dueDate", "updatedAt")
     VALUES (gen_random_uuid(), 'DSR-AUTH-' || substr(md5(random()::text), 1, 4), gen_random_uuid(), 'ACCESS', 'VERIFIED', 'WEB', $1, md5($1), 'FR', 'EU_GDPR', 'Europe/Paris', 'FR', now() + interval '7 days', current_date + 30, now())
     RETURNING id, reference`,
    [email],
  );
  sample = {
    "[locale]": "en",
    "[...rest]": "nothing-here",
    "[token]": "not-a-real-token",
    "[reference]": request.reference,
    "[id]": request.id,
    "[taskId]": "00000000-0000-4000-8000-000000000000",
    "[key]": "no-such-connector",
    "[agentId]": "NO_SUCH_AGENT",
    "[requestId]": "00000000-0000-4000-8000-000000000000",
    "[[...path]]": "",
  };
});

const concrete = (path: string) =>
  path
    .split("/")
    .map((segment) => sample[segment] ?? segment)
    .filter((segment, index) => index === 0 || segment !== "")
    .join("/") || "/";

async function call(request: APIRequestContext, method: Method, path: string, who: Who, useCookie: boolean) {
  const { cookie, bearer } = credentials[who];
  const headers: Record<string, string> = {};
  if (useCookie && cookie) headers.cookie = cookie;
  // Browsers send the page's origin with every change; the queues dashboard requires it.
  if (method !== "GET") headers.origin = `http://127.0.0.1:${e2ePorts.web}`;
  if (!useCookie && bearer) headers.authorization = `Bearer ${bearer}`;
  return request.fetch(concrete(path), {
    method,
    headers,
    maxRedirects: 0,
    failOnStatusCode: false,
    ...(method === "GET" ? {} : { data: {} }),
  });
}

for (const [path, allowed] of Object.entries(pages)) {
  test(`page ${path}: ${whoMay(allowed)}`, async ({ request }) => {
    for (const who of ["anonymous", ...staff] as Who[]) {
      const response = await call(request, "GET", path, who, true);
      const status = response.status();
      const location = response.headers().location ?? "";
      const label = `${who} GET ${path} → ${status} ${location}`;
      expect(status, label).toBeLessThan(500);
      if (allowed === everyone) {
        expect(status, label).not.toBe(403);
      } else if (who === "anonymous") {
        expect([307, 303], label).toContain(status);
        expect(location, label).toContain("/staff/sign-in");
      } else if (allowed.includes(who)) {
        expect(status, label).not.toBe(403);
        expect(location, label).not.toContain("/staff/sign-in");
      } else {
        expect(status, label).toBe(403);
      }
    }
  });
}

for (const [path, methods] of Object.entries(routes)) {
  for (const [method, allowed] of Object.entries(methods) as Array<[Method, Allowed]>) {
    test(`route ${method} ${path}: ${whoMay(allowed)}`, async ({ request }) => {
      const viaCookie = path.startsWith("/staff/");
      for (const who of ["anonymous", ...staff, "integration"] as Who[]) {
        const response = await call(request, method, path, who, viaCookie && who !== "integration");
        const status = response.status();
        const label = `${who} ${method} ${path} → ${status}`;
        expect(status, label).toBeLessThan(500);
        if (allowed === everyone) expect([401, 403], label).not.toContain(status);
        else if (allowed === "signed") expect(status, label).toBe(401);
        else if (allowed === "agent-token") expect(status, label).toBe(403);
        else if (who === "anonymous") expect([401, 307], label).toContain(status);
        else if (allowed.includes(who)) expect([401, 403], label).not.toContain(status);
        // Routes that take only a staff session see the integration's key as no credential at all.
        else if (who === "integration" && viaCookie) expect([401, 403, 307], label).toContain(status);
        else expect(status, label).toBe(403);
      }
    });
  }
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

test("every server action refuses the roles it does not allow, when called directly", async ({ request }) => {
  const manifest = JSON.parse(readFileSync(join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const checked: string[] = [];
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = `${entry.filename}#${entry.exportedName}`;
    const allowed = actions[name];
    expect(allowed, `${name} is missing from the table`).toBeDefined();
    if (!Array.isArray(allowed)) continue;
    // Post to the page that renders the action, as the browser would.
    const pagePath = `/${Object.keys(entry.workers)[0]
      .replace(/^app\//, "")
      .replace(/\/page$/, "")}`;
    for (const who of ["anonymous", ...staff] as Who[]) {
      const headers: Record<string, string> = {
        "next-action": id,
        "content-type": "text/plain;charset=UTF-8",
        origin: `http://127.0.0.1:${e2ePorts.web}`,
        accept: "text/x-component",
      };
      if (credentials[who].cookie) headers.cookie = credentials[who].cookie as string;
      const response = await request.fetch(concrete(pagePath), {
        method: "POST",
        headers,
        data: "[null]",
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const body = await response.text();
      const label = `${who} → ${name}: ${response.status()} ${body.slice(0, 200)}`;
      if (who === "anonymous") expect(body, label).toContain("UNAUTHORIZED");
      else if (allowed.includes(who)) {
        expect(body, label).not.toContain('"FORBIDDEN"');
        expect(body, label).not.toContain('"UNAUTHORIZED"');
      } else expect(body, label).toContain('"FORBIDDEN"');
    }
    checked.push(name);
  }
  const staffActions = Object.entries(actions).filter(([, allowed]) => Array.isArray(allowed));
  expect(checked.sort()).toEqual(staffActions.map(([name]) => name).sort());
});
