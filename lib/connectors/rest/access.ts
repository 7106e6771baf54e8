// Everything the API holds about the person: their own record (find.category), then each
// category of `objects` for each record found, every page, values exactly as received.
import type { AccessRecord, ConnectorContext, Subject } from "../connector.ts";
import { RestClient } from "./client.ts";
import type { RestConfig } from "./config.ts";
import { findPerson } from "./find-person.ts";
import { listItems } from "./pagination.ts";

function fieldsOf(item: unknown): Record<string, unknown> {
  return item !== null && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : { value: item };
}

export async function accessRecords(config: RestConfig, subject: Subject, context: ConnectorContext): Promise<AsyncIterable<AccessRecord>> {
  const client = new RestClient(config, context.signal);
  // Found before the first record is yielded, so an unreachable API fails the task at once.
  const found = await findPerson(client, config, subject);
  return (async function* () {
    for (const person of found.people) yield { source: "", category: config.find.category, fields: fieldsOf(person.record) };
    for (const values of found.values) {
      for (const object of config.objects) {
        for await (const item of listItems(client, config, object, values, object.category)) {
          yield { source: "", category: object.category, fields: fieldsOf(item) };
        }
      }
    }
  })();
}
