// Corrections from the form, sent to the API through the field map (form field → API field, a
// dotted path in the request's body), once for each record of the person found. Fields the map
// does not name are reported as unmapped, never dropped silently.
import type { ConnectorContext, Correction, RectifyReceipt, Subject } from "../connector.ts";
import { RestClient } from "./client.ts";
import type { RestConfig } from "./config.ts";
import { findPerson } from "./find-person.ts";
import { setPath } from "./json-path.ts";
import { prepare } from "./pagination.ts";
import { RestConnectorError } from "./rest-error.ts";

export async function rectifyRecords(
  config: RestConfig,
  subject: Subject,
  corrections: Correction[],
  context: ConnectorContext,
): Promise<RectifyReceipt> {
  // The last correction of a field wins, as on the form.
  const values = new Map(corrections.map((correction) => [correction.field, correction.correctValue]));
  const map = config.rectify?.fields ?? {};
  const mapped = [...values.keys()].filter((field) => Object.hasOwn(map, field));
  const unmapped = [...values.keys()].filter((field) => !Object.hasOwn(map, field));
  if (!config.rectify || mapped.length === 0) return { applied: [], unmapped };
  const client = new RestClient(config, context.signal);
  const found = await findPerson(client, config, subject);
  let rows = 0;
  for (const person of found.values) {
    const call = prepare(config, config.rectify.request, person, "rectify");
    const body = (call.body && typeof call.body === "object" ? call.body : {}) as Record<string, unknown>;
    for (const field of mapped) setPath(body, map[field], values.get(field));
    const answer = await client.send({ ...call, body });
    if (answer.status < 200 || answer.status > 299) {
      const done = rows ? ` (${rows} of ${found.values.length} records corrected before)` : "";
      throw new RestConnectorError(`${call.label}: ${client.origin} answered ${answer.status}${done}`, {
        status: answer.status,
        answer: client.excerpt(answer.text),
      });
    }
    rows++;
  }
  return { applied: mapped.map((field) => ({ field, category: config.find.category, column: map[field], rows })), unmapped };
}
