// Adds or edits one connector from the staff form. The same checks as a connectors file (shape,
// the type's config schema, the live system when enabled), the same canonical comparison and
// upsert, and one audit event; secrets left empty keep their stored value, a data map left out keeps
// the stored one, and a changed data map (or name, or type) is a new data map version.
import { recordDataMapVersion } from "../data-map/record-data-map-version.ts";
import { db, type Tx } from "../db.ts";
import { AppError, type FieldIssue } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { openConnectorConfig } from "./connector-config.ts";
import { mergeSecrets } from "./connector-secrets.ts";
import { type UpsertOutcome, upsertConnector } from "./upsert-connector.ts";
import { type EntryProblem, formatEntryPath, validateConnectorEntry } from "./validate-connector-entry.ts";

export type SaveConnectorInput = {
  mode: "create" | "edit";
  /**
   * The connector as a connectors-file entry, its config without the secrets (those come in
   * `secrets`). `dataMap: null` removes the data map; an entry without the key keeps the stored one.
   */
  entry: { key: string; type?: string; config?: unknown } & Record<string, unknown>;
  /** Secret values typed in the form, by dotted config path; an empty one keeps the stored value. */
  secrets?: Record<string, string>;
  /** Optional secrets to remove (e.g. a postgres hashSalt). */
  clearSecrets?: string[];
  actor: Actor;
  /** Off only in tests of the form itself; the file and the form both check the live system. */
  liveChecks?: boolean;
};

/** Fields whose change reaches the running worker of this connector (see workers/connector-workers.ts). */
const workerFields = ["concurrency", "rateLimitPerSecond"];

export async function saveConnector(
  input: SaveConnectorInput,
): Promise<UpsertOutcome & { key: string; workerResync: boolean; dataMapVersion: number | null }> {
  const key = String(input.entry.key ?? "").trim();
  const current = key ? await db().connector.findUnique({ where: { key } }) : null;
  if (input.mode === "edit" && !current) throw noConnector(key);
  if (input.mode === "create" && current) throw taken(key, current.name);
  if (current && input.entry.type !== undefined && input.entry.type !== current.type) {
    const message = `the type of an existing connector cannot change (it is ${current.type}); add a new connector instead`;
    throw new AppError("VALIDATION_FAILED", `Nothing was saved. type: ${message}`, {
      issues: [{ path: "type", message }],
      text: { key: "staffChecks.entry.typeFixed", values: { type: current.type } },
    });
  }
  const type = current?.type ?? String(input.entry.type ?? "");
  const config = mergeSecrets(
    type,
    input.entry.config,
    input.secrets ?? {},
    input.clearSecrets ?? [],
    current ? openConnectorConfig(current.configEncrypted) : null,
  );
  const dataMap = dataMapToSave(input.entry, current);
  // Network checks happen before the transaction, so it stays short.
  const checked = await validateConnectorEntry({ ...input.entry, key, type, config, dataMap }, { liveChecks: input.liveChecks });
  if (!checked.entry) throw invalid(checked.problems);
  const entry = checked.entry;
  try {
    const result = await db().$transaction(async (tx: Tx) => {
      const latest = await tx.connector.findUnique({ where: { key } });
      if (input.mode === "create" && latest) throw taken(key, latest.name);
      if (input.mode === "edit" && !latest) throw noConnector(key);
      const upserted = await upsertConnector(tx, entry, latest, input.actor);
      return { ...upserted, dataMapVersion: await recordDataMapVersion(tx, input.actor) };
    });
    return { ...result, key, workerResync: result.changed.some((field) => workerFields.includes(field)) };
  } catch (error) {
    // Two people adding the same key at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken(key, key);
    throw error;
  }
}

/** Only an entry that says so changes the data map: left out, the stored one is kept (never wiped). */
function dataMapToSave(entry: SaveConnectorInput["entry"], current: { dataMap: unknown } | null): unknown {
  if (!Object.hasOwn(entry, "dataMap")) return current?.dataMap ?? undefined;
  return entry.dataMap ?? undefined;
}

function noConnector(key: string): AppError {
  return new AppError("NOT_FOUND", `There is no connector "${key}".`, {
    text: { key: "staffConnectors.errors.notFound", values: { key } },
  });
}

function taken(key: string, name: string): AppError {
  const message = `key "${key}" is already used by the connector "${name}"; choose another key or edit that connector`;
  return new AppError("CONFLICT", message, {
    issues: [{ path: "key", message }],
    text: { key: "staffChecks.entry.keyTaken", values: { key, name } },
  });
}

function invalid(problems: EntryProblem[]): AppError {
  const issues: FieldIssue[] = problems.map((problem) => ({ path: formatEntryPath(problem.path), message: problem.message }));
  const listed = issues.slice(0, 3).map((issue) => `${issue.path || "connector"}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  // The issues are what the form lists, each in the reader's language (localise-check-message.ts).
  return new AppError("VALIDATION_FAILED", `Nothing was saved. ${listed.join("; ")}${more}`, {
    issues,
    text: { key: "staffConnectors.form.problems" },
  });
}
