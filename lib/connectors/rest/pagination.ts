// Reads every page of a list, whichever way the API pages: a cursor (from a field of the answer
// or the last item), offset/limit, page numbers, an RFC 8288 `Link: <…>; rel="next"` header, or
// the next page's address in the answer. Never more than `maxPages` pages: a list that does not
// end fails with a message naming that limit. Next-page addresses must stay on the API's origin.

import { parseExactJson } from "../exact-json.ts";
import type { RestClient } from "./client.ts";
import type { RestConfig, RestListing, RestRequest } from "./config.ts";
import { selectPath, setPath } from "./json-path.ts";
import { RestConnectorError } from "./rest-error.ts";
import { fillPath, fillValue, type TemplateValues } from "./template.ts";
import type { Incoming } from "./transport.ts";

/** What a list step is called in messages: "find (GET /v1/customers)". */
export function labelOf(name: string, request: RestRequest): string {
  return `${name} (${request.method} ${request.path})`;
}

/** A request template filled in for one call: its URL and body. */
export function prepare(config: RestConfig, request: RestRequest, values: TemplateValues, name: string) {
  const base = new URL(config.baseUrl);
  const url = new URL(`${base.pathname.replace(/\/$/, "")}${fillPath(request.path, values)}`, base.origin);
  for (const [key, value] of Object.entries((fillValue(request.query ?? {}, values) as Record<string, string>) ?? {})) {
    url.searchParams.set(key, value);
  }
  const body = request.body === undefined ? undefined : fillValue(structuredClone(request.body), values);
  return { method: request.method, url, body, bodyFormat: request.bodyFormat ?? config.bodyFormat, label: labelOf(name, request) };
}

/** The answer as JSON, or a message naming the step when it is not. */
export function jsonOf(client: RestClient, answer: Incoming, label: string): unknown {
  if (answer.text.trim() === "") return null;
  try {
    return parseExactJson(answer.text);
  } catch {
    throw new RestConnectorError(`${label}: ${client.origin} answered ${answer.status} but not with JSON`, {
      status: answer.status,
      answer: client.excerpt(answer.text),
    });
  }
}

function itemsAt(json: unknown, results: string): unknown[] {
  const found = selectPath(json, results);
  if (Array.isArray(found)) return found;
  if (found === undefined || found === null) return [];
  // An answer that is one object (GET /customers/{id}) is a list of one.
  return [found];
}

/**
 * Every item of the list, page by page. A 404 on the first page means there is nothing (the
 * person is not there); any other status outside 2xx fails with the status and the answer's start.
 */
export async function* listItems(
  client: RestClient,
  config: RestConfig,
  listing: RestListing,
  values: TemplateValues,
  name: string,
): AsyncGenerator<unknown> {
  const first = prepare(config, listing.request, values, name);
  const origin = new URL(config.baseUrl).origin;
  const paging = listing.pagination;
  let call = first;
  let position = paging.type === "offset" ? 0 : paging.type === "page" ? paging.firstPage : 0;
  setPageParams(call, listing, position, undefined);
  for (let page = 1; ; page++) {
    const answer = await client.send(call);
    if (answer.status === 404 && page === 1) return;
    if (answer.status < 200 || answer.status > 299) {
      throw new RestConnectorError(`${call.label}${page > 1 ? ` page ${page}` : ""}: ${origin} answered ${answer.status}`, {
        status: answer.status,
        answer: client.excerpt(answer.text),
      });
    }
    const json = jsonOf(client, answer, call.label);
    const items = itemsAt(json, listing.results);
    yield* items;

    let next: typeof call | null = null;
    switch (paging.type) {
      case "none":
        break;
      case "cursor": {
        const hasMore = paging.hasMorePath === undefined ? true : selectPath(json, paging.hasMorePath) === true;
        const cursor = paging.cursorPath
          ? selectPath(json, paging.cursorPath)
          : items.length
            ? selectPath(items[items.length - 1], paging.lastItemField as string)
            : undefined;
        if (hasMore && items.length > 0 && cursor !== undefined && cursor !== null && cursor !== "") {
          next = withParams(first);
          setPageParams(next, listing, 0, String(cursor));
        }
        break;
      }
      case "offset": {
        position += items.length;
        const total = paging.totalPath ? Number(selectPath(json, paging.totalPath)) : Number.NaN;
        // Without a total, only an empty page ends the list: an API may give fewer items than asked.
        const more = Number.isFinite(total) ? position < total : items.length > 0;
        if (more && items.length > 0) {
          next = withParams(first);
          setPageParams(next, listing, position, undefined);
        }
        break;
      }
      case "page": {
        const totalPages = paging.totalPagesPath ? Number(selectPath(json, paging.totalPagesPath)) : Number.NaN;
        const more = Number.isFinite(totalPages) ? position - paging.firstPage + 1 < totalPages : items.length > 0;
        if (more) {
          position++;
          next = withParams(first);
          setPageParams(next, listing, position, undefined);
        }
        break;
      }
      case "link":
      case "nextUrl": {
        const target = paging.type === "link" ? nextLink(answer.headers.link) : selectPath(json, paging.nextUrlPath);
        if (typeof target === "string" && target !== "") {
          const url = new URL(target, call.url);
          if (url.origin !== origin) {
            throw new RestConnectorError(
              `${call.label}: the next page is on another origin (${url.origin}); the connector only calls ${origin}, with its credentials`,
            );
          }
          next = { ...call, url };
        }
        break;
      }
    }
    if (!next) return;
    if (page >= config.maxPages) {
      throw new RestConnectorError(
        `${call.label}: stopped after ${config.maxPages} pages (maxPages) and the list goes on; raise maxPages if this many is expected`,
        { code: "EMAXPAGES" },
      );
    }
    call = next;
  }
}

function withParams<T extends { url: URL; body?: unknown }>(call: T): T {
  return { ...call, url: new URL(call.url), body: call.body === undefined ? undefined : structuredClone(call.body) };
}

/** Puts the page's parameters (cursor, offset, page, limit) in the query or the body. */
function setPageParams(call: { url: URL; body?: unknown }, listing: RestListing, position: number, cursor: string | undefined) {
  const paging = listing.pagination;
  const params: Record<string, string | number> = {};
  if (paging.type === "cursor") {
    if (cursor !== undefined) params[paging.param] = cursor;
    if (paging.limitParam && paging.limit) params[paging.limitParam] = paging.limit;
  } else if (paging.type === "offset") {
    params[paging.offsetParam] = position;
    params[paging.limitParam] = paging.limit;
  } else if (paging.type === "page") {
    params[paging.pageParam] = position;
    if (paging.sizeParam && paging.size) params[paging.sizeParam] = paging.size;
  } else return;
  if (paging.in === "body") {
    const body = (call.body && typeof call.body === "object" ? call.body : {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(params)) setPath(body, key, value);
    call.body = body;
  } else {
    for (const [key, value] of Object.entries(params)) call.url.searchParams.set(key, String(value));
  }
}

/** The `rel="next"` target of an RFC 8288 Link header, or null. */
export function nextLink(header: string | string[] | undefined): string | null {
  const text = Array.isArray(header) ? header.join(",") : header;
  if (!text) return null;
  for (const match of text.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    for (const param of match[2].split(";")) {
      const [key, raw] = param.split("=").map((part) => part?.trim());
      if (key?.toLowerCase() !== "rel" || raw === undefined) continue;
      const rels = raw.replace(/^"|"$/g, "").toLowerCase().split(/\s+/);
      if (rels.includes("next")) return match[1];
    }
  }
  return null;
}
