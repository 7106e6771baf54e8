// One HTTP call of the rest connector, through the same address guard as the http connector
// (../http/address-guard.ts, CONNECTOR_ALLOWED_HOSTS): the socket's own lookup refuses internal
// addresses, a URL with an IP address is checked before. Redirects are not followed (they would
// carry the credentials and the person's identifiers to an address nobody configured).
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { env } from "../../env.ts";
import { allowedHosts, checkedLookup, refusedLiteral } from "../http/address-guard.ts";
import { readLimitedText } from "../http/read-limited-text.ts";

/** More than any one page of a list should hold. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export type Outgoing = { method: string; url: URL; headers: Record<string, string>; body?: string };
export type Incoming = { status: number; headers: IncomingHttpHeaders; text: string };

export class AnswerTooLargeError extends Error {
  readonly code = "EANSWERTOOLARGE";
  constructor() {
    super(`the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB, more than the portal accepts for one page`);
    this.name = "AnswerTooLargeError";
  }
}

/** Sends one request; resolves with any answer (the caller judges the status), rejects on network failure or abort. */
export async function sendGuarded(outgoing: Outgoing, signal: AbortSignal): Promise<Incoming> {
  const allowed = allowedHosts(env().CONNECTOR_ALLOWED_HOSTS);
  const refused = refusedLiteral(outgoing.url.hostname, allowed);
  if (refused) throw refused;
  const request = outgoing.url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers = {
    ...outgoing.headers,
    ...(outgoing.body !== undefined ? { "Content-Length": String(Buffer.byteLength(outgoing.body)) } : {}),
  };
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const sent = request(outgoing.url, { method: outgoing.method, headers, signal, lookup: checkedLookup(allowed) as never }, resolve);
    sent.on("error", reject);
    sent.end(outgoing.body);
  });
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    text: await readLimitedText(response, signal, MAX_ANSWER_BYTES, () => new AnswerTooLargeError()),
  };
}
