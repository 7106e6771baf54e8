// Status callback (DRP 2.03): POST the status object to the agent's status_callback when the state,
// its reason or expected_by changed since the last one it acknowledged with a 2xx. A failure
// throws, so the queue tries again with backoff; the sweep (queue-status-callbacks.ts) catches any
// change made elsewhere in the portal.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { allowedHosts, checkedLookup, refusedLiteral } from "../connectors/http/address-guard.ts";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { drpStatusFingerprint, drpStatusOf } from "./drp-status.ts";
import { statusSourceOf } from "./find-agent-request.ts";

const TIMEOUT_MS = 10_000;

export type CallbackOutcome = "sent" | "unchanged" | "no-callback";

export async function sendStatusCallback(drpRequestId: string): Promise<CallbackOutcome> {
  const found = await db().drpRequest.findUnique({ where: { id: drpRequestId }, include: { request: true } });
  if (!found?.statusCallback) return "no-callback";
  const status = drpStatusOf(statusSourceOf(found));
  const fingerprint = drpStatusFingerprint(status);
  if (found.notifiedState === fingerprint) return "unchanged";
  const answer = await post(found.statusCallback, JSON.stringify(status));
  if (answer < 200 || answer > 299) throw new Error(`The agent's status callback answered ${answer}`);
  await db().drpRequest.update({ where: { id: found.id }, data: { notifiedState: fingerprint, notifiedAt: new Date() } });
  return "sent";
}

/** One POST, no redirects, internal addresses refused as the socket connects (loopback only when allowed). */
function post(target: string, body: string): Promise<number> {
  const url = new URL(target);
  const allowed = allowedHosts(env().DRP_ALLOW_LOOPBACK_CALLBACKS ? ["127.0.0.0/8", "::1", "localhost"] : []);
  const refused = refusedLiteral(url.hostname, allowed);
  if (refused) return Promise.reject(new Error(`Refused to call the agent's status callback: ${refused.message}`));
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = send(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        lookup: checkedLookup(allowed) as never,
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    outgoing.on("error", (error) => reject(new Error(`Could not reach the agent's status callback (${url.host}): ${error.message}`)));
    outgoing.end(body);
  });
}
