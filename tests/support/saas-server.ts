// A SaaS-like API for the rest connector's tests: real HTTP on a free port of 127.0.0.1, following
// the documented shapes of three tools (Stripe customers and charges, Zendesk Support users and
// tickets, HubSpot CRM contacts) plus generic endpoints for each kind of pagination, an OAuth2
// token endpoint whose tokens the test can expire, 404 for unknown people, a search that also
// returns a near-match, and faults injected per route (429 storms with Retry-After, a 500 in the
// middle of an erasure). Every request is recorded so a test can check what was sent.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const STRIPE_KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
export const ZENDESK_AGENT = "agent@example.com";
export const ZENDESK_TOKEN = "zd-api-token-6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv";
export const HUBSPOT_TOKEN = "pat-eu1-2bd3c2a8-7c5e-4a3c-b7b1-1d2f0e6a9c41";
export const OAUTH_CLIENT = { id: "portal-client", secret: "oauth-client-secret-0f3e9a" };
export const API_KEY = "generic-api-key-8c1d";

/** A number written into the JSON text as is: larger than JavaScript's doubles hold exactly. */
export class RawNumber {
  constructor(readonly digits: string) {}
  toJSON() {
    return `\u0000raw:${this.digits}\u0000`;
  }
}

export type Fault = { method?: string; path: RegExp; status: number; times: number; skip?: number; retryAfter?: string; body?: string };
export type RecordedRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage["headers"]; body: string };

type StripeCustomer = {
  id: string;
  object: "customer";
  email: string;
  name: string;
  phone: string | null;
  metadata: Record<string, string>;
};
type ZendeskUser = { id: number; name: string; email: string; phone: string | null; role: string; active: boolean };
type HubspotContact = { id: string; properties: Record<string, string | null>; createdAt: string; updatedAt: string; archived: boolean };
type GenericCustomer = { id: string; email: string; account_id: string; name: string };

export function seedState() {
  return {
    stripe: {
      customers: new Map<string, StripeCustomer>(),
      deletedCustomers: new Set<string>(),
      charges: [] as Array<{ id: string; object: "charge"; customer: string; amount: number; currency: string; description: string }>,
    },
    zendesk: {
      users: new Map<number, ZendeskUser>(),
      deleted: new Map<number, ZendeskUser>(),
      purged: [] as Array<Omit<ZendeskUser, "email" | "phone"> & { email: null; phone: null }>,
      tickets: [] as Array<{ id: number; requester_id: number; subject: string; status: string }>,
    },
    hubspot: { contacts: new Map<string, HubspotContact>() },
    generic: { customers: new Map<string, GenericCustomer>(), orders: [] as Array<{ id: string; customer_id: string; total: unknown }> },
  };
}

export type SaasState = ReturnType<typeof seedState>;

export async function startSaasServer() {
  const state = seedState();
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const tokens = new Set<string>();
  let tokenCount = 0;
  let origin = "";

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", origin);
      const record = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      requests.push(record);
      const fault = faults.find((f) => (!f.method || f.method === record.method) && f.path.test(record.path) && f.times > 0);
      if (fault && (fault.skip ?? 0) > 0) fault.skip = (fault.skip ?? 0) - 1;
      else if (fault) {
        fault.times--;
        res.writeHead(fault.status, {
          "Content-Type": "application/json",
          ...(fault.retryAfter ? { "Retry-After": fault.retryAfter } : {}),
        });
        res.end(fault.body ?? JSON.stringify({ error: `injected ${fault.status}` }));
        return;
      }
      try {
        route(record, res);
      } catch (error) {
        send(res, 500, { error: String(error) });
      }
    });
  });

  function route(r: RecordedRequest, res: ServerResponse) {
    const p = r.path;
    if (p === "/oauth/token" && r.method === "POST") return oauthToken(r, res);
    if (p.startsWith("/v1/")) return authorised(res, r.headers.authorization === `Bearer ${STRIPE_KEY}`, () => stripe(r, res));
    if (p.startsWith("/api/v2/")) {
      const basic = `Basic ${Buffer.from(`${ZENDESK_AGENT}/token:${ZENDESK_TOKEN}`).toString("base64")}`;
      return authorised(res, r.headers.authorization === basic, () => zendesk(r, res));
    }
    if (p.startsWith("/crm/v3/")) return authorised(res, r.headers.authorization === `Bearer ${HUBSPOT_TOKEN}`, () => hubspot(r, res));
    if (p.startsWith("/generic/")) {
      const bearer = r.headers.authorization?.replace(/^Bearer /, "") ?? "";
      if (r.headers.authorization?.startsWith("Bearer ") && !tokens.has(bearer)) {
        return send(res, 401, { error: "invalid_token", error_description: "The access token expired" });
      }
      return authorised(res, tokens.has(bearer) || r.headers["x-api-key"] === API_KEY, () => generic(r, res));
    }
    send(res, 404, { error: "no such route" });
  }

  function oauthToken(r: RecordedRequest, res: ServerResponse) {
    const form = new URLSearchParams(r.body);
    let id = form.get("client_id");
    let secret = form.get("client_secret");
    if (r.headers.authorization?.startsWith("Basic ")) {
      [id, secret] = Buffer.from(r.headers.authorization.slice(6), "base64").toString().split(":").map(decodeURIComponent);
    }
    if (form.get("grant_type") !== "client_credentials") return send(res, 400, { error: "unsupported_grant_type" });
    if (id !== OAUTH_CLIENT.id || secret !== OAUTH_CLIENT.secret) return send(res, 401, { error: "invalid_client" });
    const token = `tok-${++tokenCount}`;
    tokens.add(token);
    send(res, 200, { access_token: token, token_type: "Bearer", expires_in: 3600, scope: form.get("scope") ?? "" });
  }

  // Stripe (docs.stripe.com/api): lists are { object: "list", data, has_more, url }, paged with limit + starting_after;
  // the email filter is case-sensitive; updates are form-encoded POSTs.
  function stripe(r: RecordedRequest, res: ServerResponse) {
    const { customers, charges, deletedCustomers } = state.stripe;
    const one = r.path.match(/^\/v1\/customers\/([^/]+)$/);
    const missing = (id: string) =>
      send(res, 404, { error: { code: "resource_missing", type: "invalid_request_error", message: `No such customer: '${id}'` } });
    if (r.path === "/v1/customers" && r.method === "GET") {
      const email = r.query.get("email");
      return send(
        res,
        200,
        stripeList(
          [...customers.values()].filter((c) => email === null || c.email === email),
          r,
          "/v1/customers",
        ),
      );
    }
    if (r.path === "/v1/charges" && r.method === "GET") {
      const customer = r.query.get("customer");
      return send(
        res,
        200,
        stripeList(
          charges.filter((c) => customer === null || c.customer === customer),
          r,
          "/v1/charges",
        ),
      );
    }
    if (r.path === "/v1/balance") return send(res, 200, { object: "balance", available: [] });
    // A deleted customer can still be retrieved, as { id, object, deleted: true }; deleting it again is a 404.
    if (one && r.method === "GET") {
      if (customers.has(one[1])) return send(res, 200, customers.get(one[1]));
      return deletedCustomers.has(one[1]) ? send(res, 200, { id: one[1], object: "customer", deleted: true }) : missing(one[1]);
    }
    if (one && r.method === "DELETE") {
      if (!customers.delete(one[1])) return missing(one[1]);
      deletedCustomers.add(one[1]);
      return send(res, 200, { id: one[1], object: "customer", deleted: true });
    }
    if (one && r.method === "POST") {
      const customer = customers.get(one[1]);
      if (!customer) return missing(one[1]);
      const form = new URLSearchParams(r.body);
      for (const [key, value] of form) {
        const nested = key.match(/^(\w+)\[(\w+)\]$/);
        if (nested)
          (customer as Record<string, unknown>)[nested[1]] = {
            ...((customer as Record<string, unknown>)[nested[1]] as object),
            [nested[2]]: value,
          };
        else (customer as Record<string, unknown>)[key] = value;
      }
      return send(res, 200, customer);
    }
    send(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${r.method}: ${r.path})` } });
  }

  function stripeList<T extends { id: string }>(all: T[], r: RecordedRequest, path: string) {
    const limit = Math.min(Math.max(Number(r.query.get("limit") ?? 10), 1), 100);
    const after = r.query.get("starting_after");
    const start = after ? all.findIndex((item) => item.id === after) + 1 : 0;
    const data = all.slice(start, start + limit);
    return { object: "list", url: path, has_more: start + limit < all.length, data };
  }

  // Zendesk Support (developer.zendesk.com/api-reference/ticketing/users/): paths with or without
  // .json; search by query (loosely: a shared start of the address matches too, as a word search
  // does), active users only, offset pages with next_page as a full URL; requested tickets and
  // deleted users in cursor pages (page[size], page[after], meta.has_more, meta.after_cursor);
  // a soft delete, then a permanent delete that leaves a "Permanently Deleted User" without email.
  function zendesk(r: RecordedRequest, res: ServerResponse) {
    const { users, deleted, purged, tickets } = state.zendesk;
    const path = r.path.replace(/\.json$/, "");
    const user = path.match(/^\/api\/v2\/users\/(\d+)$/);
    const gone = path.match(/^\/api\/v2\/deleted_users\/(\d+)$/);
    const requested = path.match(/^\/api\/v2\/users\/(\d+)\/tickets\/requested$/);
    const notFound = () => send(res, 404, { error: "RecordNotFound", description: "Not found" });
    if (path === "/api/v2/users/search" && r.method === "GET") {
      const email = (r.query.get("query") ?? "").match(/email:"?([^"\s]+)"?/)?.[1]?.toLowerCase() ?? "";
      const local = email.split("@")[0];
      const found = [...users.values()].filter((u) => u.active && local.length > 0 && u.email.toLowerCase().startsWith(local));
      return send(res, 200, zendeskPage("users", found, r));
    }
    if (requested && r.method === "GET") {
      return send(
        res,
        200,
        zendeskCursorPage(
          "tickets",
          tickets.filter((t) => t.requester_id === Number(requested[1])),
          r,
        ),
      );
    }
    if (path === "/api/v2/deleted_users" && r.method === "GET") {
      const all = [...deleted.values(), ...purged].sort((a, b) => a.id - b.id);
      return send(res, 200, zendeskCursorPage("deleted_users", all, r));
    }
    if (user && r.method === "DELETE") {
      const found = users.get(Number(user[1]));
      if (!found) return notFound();
      users.delete(found.id);
      found.active = false;
      deleted.set(found.id, found);
      return send(res, 200, { user: found });
    }
    if (gone && r.method === "DELETE") {
      const found = deleted.get(Number(gone[1]));
      if (!found) return notFound();
      deleted.delete(found.id);
      const ghost = { id: found.id, name: "Permanently Deleted User", email: null, phone: null, role: found.role, active: false };
      purged.push(ghost);
      return send(res, 200, { deleted_user: ghost });
    }
    if (user && r.method === "PUT") {
      const found = users.get(Number(user[1]));
      if (!found) return notFound();
      Object.assign(found, (JSON.parse(r.body) as { user: Partial<ZendeskUser> }).user);
      return send(res, 200, { user: found });
    }
    notFound();
  }

  function zendeskPage<T>(key: string, all: T[], r: RecordedRequest) {
    const page = Number(r.query.get("page") ?? 1);
    const perPage = Number(r.query.get("per_page") ?? 100);
    const items = all.slice((page - 1) * perPage, page * perPage);
    const next = new URL(r.path, origin);
    for (const [name, value] of r.query) next.searchParams.set(name, value);
    next.searchParams.set("page", String(page + 1));
    return { [key]: items, count: all.length, next_page: page * perPage < all.length ? next.toString() : null, previous_page: null };
  }

  function zendeskCursorPage<T extends { id: number }>(key: string, all: T[], r: RecordedRequest) {
    const size = Math.min(Number(r.query.get("page[size]") ?? 100), 100);
    const after = r.query.get("page[after]");
    const start = after ? all.findIndex((item) => String(item.id) === after) + 1 : 0;
    const items = all.slice(start, start + size);
    const hasMore = start + size < all.length;
    const cursor = items.length ? String(items[items.length - 1].id) : null;
    const next = new URL(r.path, origin);
    next.searchParams.set("page[size]", String(size));
    if (cursor) next.searchParams.set("page[after]", cursor);
    return {
      [key]: items,
      meta: { has_more: hasMore, after_cursor: cursor, before_cursor: items.length ? String(items[0].id) : null },
      links: { next: hasMore ? next.toString() : null, prev: null },
    };
  }

  // HubSpot CRM v3 (developers.hubspot.com/docs/api-reference): search with filterGroups in a POST body, paged with `after` in the body and
  // paging.next.after in the answer; GDPR delete by id; PATCH with { properties }.
  function hubspot(r: RecordedRequest, res: ServerResponse) {
    const { contacts } = state.hubspot;
    const one = r.path.match(/^\/crm\/v3\/objects\/contacts\/(\d+)$/);
    if (r.path === "/crm/v3/objects/contacts/search" && r.method === "POST") {
      const body = JSON.parse(r.body) as {
        filterGroups: Array<{ filters: Array<{ propertyName: string; operator: string; value: string }> }>;
        limit?: number;
        after?: string;
      };
      const filters = body.filterGroups.flatMap((group) => group.filters);
      const found = [...contacts.values()].filter((c) =>
        filters.every((f) => f.operator === "EQ" && (c.properties[f.propertyName] ?? "").toLowerCase() === f.value.toLowerCase()),
      );
      const limit = body.limit ?? 10;
      const start = Number(body.after ?? 0);
      const results = found.slice(start, start + limit);
      const paging =
        start + limit < found.length
          ? { next: { after: String(start + limit), link: `${origin}/crm/v3/objects/contacts/search?after=${start + limit}` } }
          : undefined;
      return send(res, 200, { total: found.length, results, ...(paging ? { paging } : {}) });
    }
    if (r.path === "/crm/v3/objects/contacts/gdpr-delete" && r.method === "POST") {
      const { objectId, idProperty } = JSON.parse(r.body) as { objectId: string; idProperty?: string };
      const contact = idProperty === "email" ? [...contacts.values()].find((c) => c.properties.email === objectId) : contacts.get(objectId);
      if (!contact) return send(res, 404, { status: "error", message: "resource not found", category: "OBJECT_NOT_FOUND" });
      contacts.delete(contact.id);
      res.writeHead(204).end();
      return;
    }
    if (one && r.method === "PATCH") {
      const contact = contacts.get(one[1]);
      if (!contact) return send(res, 404, { status: "error", message: "resource not found", category: "OBJECT_NOT_FOUND" });
      Object.assign(contact.properties, (JSON.parse(r.body) as { properties: Record<string, string> }).properties);
      return send(res, 200, contact);
    }
    send(res, 404, { status: "error", message: "not found" });
  }

  // Generic endpoints: a find that answers 404 for nobody, a loose search, one list per kind of
  // pagination, a list that never ends, per-object DELETE and PATCH.
  function generic(r: RecordedRequest, res: ServerResponse) {
    const { customers, orders } = state.generic;
    const byEmail = (email: string) => [...customers.values()].filter((c) => c.email.toLowerCase() === email.toLowerCase());
    if (r.path === "/generic/customers" && r.method === "GET") {
      const found = byEmail(r.query.get("email") ?? "");
      return found.length ? send(res, 200, { customers: found }) : send(res, 404, { error: "no such customer" });
    }
    if (r.path === "/generic/search" && r.method === "GET") {
      const local = (r.query.get("email") ?? "").split("@")[0].toLowerCase();
      return send(res, 200, { matches: [...customers.values()].filter((c) => local && c.email.toLowerCase().startsWith(local)) });
    }
    const list = r.path.match(/^\/generic\/customers\/([^/]+)\/orders\/(cursor|offset|page|link)$/);
    if (list && r.method === "GET") {
      const all = orders.filter((o) => o.customer_id === list[1]);
      return paged(list[2], all, r, res);
    }
    if (r.path === "/generic/endless") {
      const n = Number(r.query.get("cursor") ?? 0);
      return send(res, 200, { items: [{ n }], next_cursor: String(n + 1) });
    }
    const customer = r.path.match(/^\/generic\/customers\/([^/]+)$/);
    if (customer && r.method === "GET")
      return customers.has(customer[1]) ? send(res, 200, customers.get(customer[1])) : send(res, 404, { error: "gone" });
    if (customer && r.method === "DELETE")
      return customers.delete(customer[1]) ? void res.writeHead(204).end() : send(res, 404, { error: "gone" });
    if (customer && r.method === "PATCH") {
      const found = customers.get(customer[1]);
      if (!found) return send(res, 404, { error: "gone" });
      Object.assign(found, JSON.parse(r.body));
      return send(res, 200, found);
    }
    const order = r.path.match(/^\/generic\/orders\/([^/]+)$/);
    if (order && r.method === "DELETE") {
      const index = orders.findIndex((o) => o.id === order[1]);
      if (index < 0) return send(res, 404, { error: "gone" });
      orders.splice(index, 1);
      return void res.writeHead(204).end();
    }
    send(res, 404, { error: "no such route" });
  }

  function paged(kind: string, all: unknown[], r: RecordedRequest, res: ServerResponse) {
    const size = 2;
    if (kind === "cursor") {
      const start = Number(r.query.get("cursor") ?? 0);
      const next = start + size < all.length ? String(start + size) : null;
      return send(res, 200, { items: all.slice(start, start + size), meta: { next_cursor: next } });
    }
    if (kind === "offset") {
      const offset = Number(r.query.get("offset") ?? 0);
      const limit = Math.min(Number(r.query.get("limit") ?? size), size);
      return send(res, 200, { items: all.slice(offset, offset + limit), total: all.length });
    }
    if (kind === "page") {
      const page = Number(r.query.get("page") ?? 1);
      return send(res, 200, { items: all.slice((page - 1) * size, page * size), total_pages: Math.ceil(all.length / size) });
    }
    const page = Number(r.query.get("page") ?? 1);
    const links = [`<${r.path}?page=1>; rel="first"`];
    if (page * size < all.length) links.push(`<${r.path}?page=${page + 1}>; rel="next"`);
    res.writeHead(200, { "Content-Type": "application/json", Link: links.join(", ") });
    res.end(serialise(all.slice((page - 1) * size, page * size)));
  }

  function authorised(res: ServerResponse, ok: boolean, then: () => void) {
    if (!ok) return send(res, 401, { error: "unauthorized" });
    then();
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    state,
    requests,
    /** The next matching requests (after `skip` of them) answer `status` instead. */
    fail(fault: Fault) {
      faults.push(fault);
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Every token issued so far stops working, as when they expire before the client expected. */
    expireTokens() {
      tokens.clear();
    },
    tokensIssued: () => tokenCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SaasServer = Awaited<ReturnType<typeof startSaasServer>>;

function serialise(body: unknown): string {
  return JSON.stringify(body).replace(/"\\u0000raw:(-?\d+(?:\.\d+)?)\\u0000"/g, "$1");
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(serialise(body));
}
