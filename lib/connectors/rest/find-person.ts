// Finds the person's own records in the API with the proven identifiers only. Every result is
// checked here as well: its email must equal the verified one (ignoring case) and, once staff
// confirmed an account number, its account field must equal that too. A search endpoint that
// matches loosely (a prefix, a similar address) never hands the portal someone else. A request
// that names the person by account id alone (an integration's opt-out) finds a result only by the
// configured account field; without one, nobody.
import type { Subject } from "../connector.ts";
import type { RestClient } from "./client.ts";
import type { RestConfig, RestListing } from "./config.ts";
import { selectPath } from "./json-path.ts";
import { listItems } from "./pagination.ts";
import { RestConnectorError } from "./rest-error.ts";
import { MissingTemplateValue, type TemplateValues } from "./template.ts";

export type FoundPerson = { id: string; record: unknown };

export type FindResult = { people: FoundPerson[]; values: TemplateValues[]; missing: string | null };

/**
 * The person's records. For an erasure that finds nobody, `find.unfinishedErasures` is searched
 * too: records a previous attempt deleted without finishing (a soft delete awaiting the permanent one).
 */
export async function findPerson(
  client: RestClient,
  config: RestConfig,
  subject: Subject,
  purpose: "read" | "erase" = "read",
): Promise<FindResult> {
  // Only an account field can tell whose a result is when there is no email to compare.
  if (subject.email === null && !config.find.accountIdField) return { people: [], values: [], missing: "email" };
  const identity: TemplateValues = { email: subject.email, accountId: subject.accountId ?? null };
  const people: FoundPerson[] = [];
  const seen = new Set<string>();
  const collect = async (listing: RestListing, name: string) => {
    for await (const record of listItems(client, config, listing, identity, name)) {
      if (!matches(record, config, subject)) continue;
      const raw = selectPath(record, config.find.idField);
      if (raw === undefined || raw === null || raw === "" || typeof raw === "object") {
        throw new RestConnectorError(
          `${name} (${listing.request.method} ${listing.request.path}): a matching result has no id at idField "${config.find.idField}"`,
        );
      }
      const id = String(raw);
      if (seen.has(id)) continue;
      seen.add(id);
      people.push({ id, record });
    }
  };
  try {
    await collect(config.find, "find");
    const unfinished = config.find.unfinishedErasures;
    if (purpose === "erase" && people.length === 0 && unfinished) await collect(unfinished, "find.unfinishedErasures");
  } catch (error) {
    // The find needs an identifier the request does not have (an account id nobody confirmed).
    if (error instanceof MissingTemplateValue) return { people: [], values: [], missing: error.variable };
    throw error;
  }
  return { people, values: people.map((person) => ({ ...identity, id: person.id })), missing: null };
}

function matches(record: unknown, config: RestConfig, subject: Subject): boolean {
  if (subject.email === null) {
    if (!config.find.accountIdField) return false;
    const account = selectPath(record, config.find.accountIdField);
    return account !== undefined && account !== null && String(account) === subject.accountId;
  }
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
  if (found.missing === "email")
    return "Not searched: this source finds people by their email address, and this request names the person by account id only";
  return found.missing
    ? `Not searched: the find request needs {${found.missing}}, which this request does not have (an account number staff have not confirmed)`
    : "No record of the person was found";
}
