// Finds the person's own records in the API with the proven identifiers only. Every result is
// checked here as well: its email must equal the verified one (ignoring case) and, once staff
// confirmed an account number, its account field must equal that too. A search endpoint that
// matches loosely (a prefix, a similar address) never hands the portal someone else.
import type { Subject } from "../connector.ts";
import type { RestClient } from "./client.ts";
import type { RestConfig } from "./config.ts";
import { selectPath } from "./json-path.ts";
import { listItems } from "./pagination.ts";
import { RestConnectorError } from "./rest-error.ts";
import { MissingTemplateValue, type TemplateValues } from "./template.ts";

export type FoundPerson = { id: string; record: unknown };

export type FindResult = { people: FoundPerson[]; values: TemplateValues[]; missing: string | null };

export async function findPerson(client: RestClient, config: RestConfig, subject: Subject): Promise<FindResult> {
  const identity: TemplateValues = { email: subject.email, accountId: subject.accountId ?? null };
  const people: FoundPerson[] = [];
  const seen = new Set<string>();
  try {
    for await (const record of listItems(client, config, config.find, identity, "find")) {
      if (!matches(record, config, subject)) continue;
      const raw = selectPath(record, config.find.idField);
      if (raw === undefined || raw === null || raw === "" || typeof raw === "object") {
        throw new RestConnectorError(
          `find (${config.find.request.method} ${config.find.request.path}): a matching result has no id at idField "${config.find.idField}"`,
        );
      }
      const id = String(raw);
      if (seen.has(id)) continue;
      seen.add(id);
      people.push({ id, record });
    }
  } catch (error) {
    // The find needs an identifier the request does not have (an account id nobody confirmed).
    if (error instanceof MissingTemplateValue) return { people: [], values: [], missing: error.variable };
    throw error;
  }
  return { people, values: people.map((person) => ({ ...identity, id: person.id })), missing: null };
}

function matches(record: unknown, config: RestConfig, subject: Subject): boolean {
  const email = selectPath(record, config.find.emailField);
  if (typeof email !== "string" || email.trim().toLowerCase() !== subject.email.trim().toLowerCase()) return false;
  if (subject.accountId && config.find.accountIdField) {
    const account = selectPath(record, config.find.accountIdField);
    if (account === undefined || account === null || String(account) !== subject.accountId) return false;
  }
  return true;
}

/** Why nothing was found, in the words of a receipt (no personal data). */
export function notFoundReason(found: FindResult): string {
  return found.missing
    ? `Not searched: the find request needs {${found.missing}}, which this request does not have (an account number staff have not confirmed)`
    : "No record of the person was found";
}
