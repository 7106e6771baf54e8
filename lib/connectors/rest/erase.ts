// Erasure, step by step as the config lists them: each step either retains a category (with the
// reason the receipt gives) or runs its requests on each object (the person's records, or each
// object of a category listed first in full, so deleting does not shift the pages). A DELETE
// answering 404 was done before (a retry after a failure half-way) and counts as done. A failure
// stops the erasure and says truthfully what was done before it.
import type { ConnectorContext, EraseReceipt, EraseStrategy, Subject } from "../connector.ts";
import { RestClient } from "./client.ts";
import type { RestConfig } from "./config.ts";
import { findPerson, notFoundReason } from "./find-person.ts";
import { selectPath } from "./json-path.ts";
import { listItems, prepare } from "./pagination.ts";
import { RestConnectorError } from "./rest-error.ts";
import type { TemplateValues } from "./template.ts";

type Step = RestConfig["erase"][number];
type Line = EraseReceipt["details"][number];
type Target = { values: TemplateValues; name: string };

const IDS_IN_MESSAGE = 10;

export async function eraseRecords(config: RestConfig, subject: Subject, context: ConnectorContext): Promise<EraseReceipt> {
  const client = new RestClient(config, context.signal);
  const found = await findPerson(client, config, subject, "erase");
  if (found.people.length === 0) {
    const acting = config.erase.find((step) => "requests" in step);
    const strategy = acting ? strategyOf(acting) : "delete";
    return { affected: 0, details: [{ category: config.find.category, strategy, rows: 0, reason: notFoundReason(found) }] };
  }
  const lines: Line[] = [];
  const namesOf = new Map<Line, string[]>();
  let where = "";
  try {
    for (const step of config.erase) {
      where = ` while listing ${step.category}`;
      const targets = await targetsOf(client, config, step, found.values);
      if ("retain" in step) {
        lines.push({ category: step.category, strategy: "retain", rows: targets.length, reason: step.retain });
        continue;
      }
      const line: Line = { category: step.category, strategy: strategyOf(step), rows: 0 };
      const names: string[] = [];
      lines.push(line);
      namesOf.set(line, names);
      for (const [index, target] of targets.entries()) {
        where = ` at ${step.category} ${index + 1} of ${targets.length} (${target.name})`;
        for (const [done, request] of step.requests.entries()) {
          if (done > 0)
            where = ` at ${step.category} ${index + 1} of ${targets.length} (${target.name}, whose first ${done} of ${step.requests.length} requests were done)`;
          const call = prepare(config, request, target.values, `erase ${step.category}`);
          const answer = await client.send(call);
          const alreadyDone = answer.status === 404 && (request.notFoundIsDone ?? request.method === "DELETE");
          if ((answer.status < 200 || answer.status > 299) && !alreadyDone) {
            throw new RestConnectorError(`${call.label}: ${client.origin} answered ${answer.status}`, {
              status: answer.status,
              answer: client.excerpt(answer.text),
            });
          }
        }
        line.rows++;
        names.push(target.name);
      }
    }
  } catch (error) {
    if (!(error instanceof RestConnectorError)) throw error;
    // Said truthfully: where it stopped, and what is already done (a retry carries on from there).
    throw new RestConnectorError(
      `${error.withoutAnswer}${where}. ${doneBefore(lines, namesOf)} A retry repeats what is left (an object already erased answers 404, which counts as done)`,
      { status: error.status, code: error.code, answer: error.answer },
    );
  }
  const affected = lines.filter((line) => line.strategy !== "retain").reduce((sum, line) => sum + line.rows, 0);
  return { affected, details: lines };
}

function strategyOf(step: Extract<Step, { requests: unknown }>): EraseStrategy {
  return step.strategy ?? (step.requests.every((request) => request.method === "DELETE") ? "delete" : "mask");
}

/** The objects a step acts on: the person's records, or every object of the category it names. */
async function targetsOf(client: RestClient, config: RestConfig, step: Step, people: TemplateValues[]): Promise<Target[]> {
  const of = "of" in step && step.of ? step.of : step.category;
  const object = of === config.find.category ? undefined : config.objects.find((entry) => entry.category === of);
  if (!object) return people.map((values) => ({ values, name: `id ${values.id}` }));
  const targets: Target[] = [];
  for (const values of people) {
    for await (const item of listItems(client, config, object, values, object.category)) {
      const id = selectPath(item, "id");
      targets.push({
        values: { ...values, item },
        name: id === undefined || typeof id === "object" ? `#${targets.length + 1}` : `id ${id}`,
      });
    }
  }
  return targets;
}

function doneBefore(lines: Line[], namesOf: Map<Line, string[]>): string {
  const parts = lines
    .filter((line) => line.rows > 0)
    .map((line) => {
      const verb = line.strategy === "retain" ? "kept" : line.strategy === "delete" ? "deleted" : "masked";
      const ids = namesOf.get(line) ?? [];
      const listed = ids.length ? ` (${ids.slice(0, IDS_IN_MESSAGE).join(", ")}${ids.length > IDS_IN_MESSAGE ? ", …" : ""})` : "";
      return `${line.category}: ${line.rows} ${verb}${listed}`;
    });
  return parts.length ? `Done before the failure: ${parts.join("; ")}.` : "Nothing was erased before the failure.";
}
