// `npm run admin -- <command> [options]`: operator commands.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createApiKey } from "../lib/auth/create-api-key.ts";
import { createStaffUser } from "../lib/auth/create-staff-user.ts";
import { listApiKeys } from "../lib/auth/list-api-keys.ts";
import { resetStaffPassword } from "../lib/auth/reset-staff-password.ts";
import { revokeApiKey } from "../lib/auth/revoke-api-key.ts";
import { applyConnectors } from "../lib/connectors/apply-connectors.ts";
import { correctableFieldsNobodyMaps } from "../lib/connectors/connectors-file.schema.ts";
import { type FileProblem, readConnectorsFile } from "../lib/connectors/read-connectors-file.ts";
import { testConnectors } from "../lib/connectors/test-connectors.ts";
import { db, disconnectDb } from "../lib/db.ts";
import { DEFAULT_SAMPLE_SIZE, discoverMapping } from "../lib/discovery/discover-mapping.ts";
import { addDrpAgent } from "../lib/drp/add-drp-agent.ts";
import { listDrpAgents } from "../lib/drp/list-drp-agents.ts";
import { setDrpAgentEnabled } from "../lib/drp/set-drp-agent-enabled.ts";
import { EnvError } from "../lib/env.ts";
import { AppError } from "../lib/errors.ts";
import { evidenceSigningKey } from "../lib/evidence/evidence-signing-key.ts";
import { completeManualTask } from "../lib/fulfilment/complete-manual-task.ts";
import { retryConnectorTask } from "../lib/fulfilment/retry-connector-task.ts";
import { closeFlowProducer } from "../lib/fulfilment/start-fulfilment.ts";
import { translateKey } from "../lib/i18n/translator.ts";
import { closeQueueRuntime } from "../lib/queue/backend.ts";
import { closeQueues } from "../lib/queue/enqueue.ts";
import { approveRequest } from "../lib/requests/approve-request.ts";
import { askForInformation } from "../lib/requests/ask-for-information.ts";
import { extendDeadline } from "../lib/requests/extend-deadline.ts";
import { recordInformationReceived } from "../lib/requests/record-information-received.ts";
import { inviteStaffUser } from "../lib/staff-users/invite-staff-user.ts";

/** How the operator runs these commands: `npm run demo:admin --` in the demo (its demo.env says so). */
const adminCommand = process.env.DSAR_ADMIN_COMMAND ?? "npm run admin --";

const usage = `Usage: ${adminCommand} <command> [options]

Commands:
  create-user --email E --role admin|agent|auditor
      Creates a staff account and prints its one-time password (shown once; it must be
      changed at first sign-in).
  invite-user --email E --role admin|agent|auditor
      Invites a colleague by email: a link, valid 72 hours, where they choose their password
      (inviting again before they accept replaces the link). The link is printed too, for when
      mail does not reach them.
  create-api-key --role agent|auditor|admin|integration --name N
      Creates an API key for an integration, with the role's permissions, and prints it once
      (only its hash is stored). Sent as "Authorization: Bearer <key>".
  list-api-keys
      Lists the API keys: prefix, name, role, created, last used, revoked.
  revoke-api-key --prefix P
      Revokes the key whose prefix is P (the 8 characters after dsar_); it stops working at once.
  add-drp-agent --id ID --verify-key BASE64 --name NAME
      Trusts an authorized agent of the Data Rights Protocol: its directory id and the base64
      of its 32-byte Ed25519 verify key.
  list-drp-agents
      Lists the trusted agents: id, state, requests filed, name.
  disable-drp-agent --id ID
      Stops trusting an agent: its tokens stop working at once; its requests stay.
  reset-password --email E
      Gives a staff member a new one-time password (shown once; to be changed at the next
      sign-in) and ends their sessions. Two-factor stays as it is.
  extend-deadline --reference R --reason TEXT [--days N | --months N]
      Extends the time to answer (the most the law allows unless N is given) and emails the
      person the reasons and the new date. Refused when too late or not allowed.
  ask-for-information --reference R --message TEXT [--kind clarification|identity]
      Asks the person for information; pauses the clock where the law allows it.
  approve --reference R
      Approves a verified request: every enabled connector that supports its right gets a
      task, and the workers carry it out.
  complete-task --task ID --note TEXT [--erased N] [--file PATH]
      Completes a manual connector task: what was done, for erasure how many records, and for
      access the document found (it goes into the person's package).
  tasks [--status pending|running|waiting_callback|awaiting_staff|succeeded|failed|cancelled]
      Lists connector tasks (open ones by default): id, request, connector, status, last error.
  retry-task --task ID
      Runs a failed connector task again, once its cause is fixed.
  apply-connectors FILE [--dry-run]
      Reads a YAML or JSON connectors file (\${VAR} taken from the environment), checks all of
      it (against the live systems too) and only then creates, updates or disables connectors
      by key. Any problem is listed with its line and nothing is applied.
  discover --source postgres|mysql --url URL [--schema S] [--identity-table T] [--sample N]
      Proposes a connectors-file entry for a database from its catalog and a sample of at most
      N rows per table (default ${DEFAULT_SAMPLE_SIZE}; values are only counted, never printed):
      the table that identifies the person, how every table reaches it, what each holds and
      what erasure should do, each guess with its confidence. Prints commented YAML to review
      (e.g. > map.yaml). Runs read-only; the address is used to connect and for nothing else.
  test-connectors
      Tests every enabled connector and prints whether its system answers.
  information-received --reference R
      Records that the information asked for arrived by another channel (resumes or restarts
      the clock).
  evidence-key [--json]
      Prints the public key that checks evidence bundles' signatures (also served at
      /.well-known/evidence-key), for npm run evidence:verify -- FILE.zip --key KEY;
      --json prints that document, to save as the key file.
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async "create-user"(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" } }, strict: true });
    if (!values.email || !values.role) throw new UsageError("create-user needs --email and --role");
    const { user, oneTimePassword } = await createStaffUser({ email: values.email, role: values.role as "admin" });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
    console.log(`One-time password (shown once): ${oneTimePassword}`);
  },
  async "invite-user"(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" } }, strict: true });
    if (!values.email || !values.role) throw new UsageError("invite-user needs --email and --role");
    const invited = await inviteStaffUser({ email: values.email, role: values.role as "admin", actor: operator });
    console.log(
      `${invited.reinvited ? "Invited again" : "Invited"} ${invited.role.toLowerCase()} ${invited.email}; an email is on its way.`,
    );
    console.log(`Link (private, valid until ${invited.expiresAt.toISOString()}): ${invited.inviteUrl}`);
  },
  async "create-api-key"(args) {
    const { values } = parseArgs({ args, options: { role: { type: "string" }, name: { type: "string" } }, strict: true });
    if (!values.role || !values.name) throw new UsageError("create-api-key needs --role and --name");
    const created = await createApiKey({ name: values.name, role: values.role as "agent" }, operator);
    console.log(`Created API key "${created.name}" (${created.role.toLowerCase()}), prefix ${created.prefix}.`);
    console.log(`Key: ${created.key}`);
    console.log("Copy it now: it is shown only this once and cannot be read back (only its hash is stored).");
  },
  async "list-api-keys"(args) {
    parseArgs({ args, options: {}, strict: true });
    const keys = await listApiKeys();
    if (keys.length === 0) console.log("No API keys.");
    // Times say their zone: a bare "2026-12-07 23:30" would be read on the reader's own clock.
    const day = (date: Date | null) => (date ? `${date.toISOString().slice(0, 16).replace("T", " ")} UTC` : "never");
    for (const k of keys) {
      const state = k.revokedAt ? `revoked ${day(k.revokedAt)}` : "active";
      console.log(
        `${k.prefix}  ${k.role.toLowerCase().padEnd(7)}  ${state.padEnd(24)}  created ${day(k.createdAt)}  last used ${day(k.lastUsedAt)}  ${k.name}`,
      );
    }
  },
  async "revoke-api-key"(args) {
    const { values } = parseArgs({ args, options: { prefix: { type: "string" } }, strict: true });
    if (!values.prefix) throw new UsageError("revoke-api-key needs --prefix (see list-api-keys)");
    const revoked = await revokeApiKey({ prefix: values.prefix }, operator);
    console.log(`${revoked.alreadyRevoked ? "Already revoked" : "Revoked"}: API key "${revoked.name}" (${revoked.role.toLowerCase()}).`);
  },
  async "add-drp-agent"(args) {
    const { values } = parseArgs({
      args,
      options: { id: { type: "string" }, "verify-key": { type: "string" }, name: { type: "string" } },
      strict: true,
    });
    if (!values.id || !values["verify-key"] || !values.name) throw new UsageError("add-drp-agent needs --id, --verify-key and --name");
    const agent = await addDrpAgent({ id: values.id, verifyKey: values["verify-key"], name: values.name }, operator);
    console.log(`Trusted agent ${agent.id} ("${agent.name}").`);
  },
  async "list-drp-agents"(args) {
    parseArgs({ args, options: {}, strict: true });
    const agents = await listDrpAgents();
    if (agents.length === 0) console.log("No trusted agents.");
    for (const a of agents) {
      const state = a.disabledAt ? `disabled ${a.disabledAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "active";
      console.log(`${a.id}  ${state.padEnd(28)}  ${String(a.requests).padStart(5)} requests  ${a.name}`);
    }
  },
  async "disable-drp-agent"(args) {
    const { values } = parseArgs({ args, options: { id: { type: "string" } }, strict: true });
    if (!values.id) throw new UsageError("disable-drp-agent needs --id (see list-drp-agents)");
    const agent = await setDrpAgentEnabled({ id: values.id, enabled: false }, operator);
    console.log(`${agent.changed ? "Disabled" : "Already disabled"}: agent ${agent.id} ("${agent.name}").`);
  },
  async "reset-password"(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" } }, strict: true });
    if (!values.email) throw new UsageError("reset-password needs --email");
    const { email, oneTimePassword } = await resetStaffPassword({ email: values.email });
    console.log(`New one-time password for ${email} (shown once): ${oneTimePassword}`);
  },
  async "extend-deadline"(args) {
    const { values } = parseArgs({
      args,
      options: { reference: { type: "string" }, reason: { type: "string" }, days: { type: "string" }, months: { type: "string" } },
      strict: true,
    });
    if (!values.reference || !values.reason) throw new UsageError("extend-deadline needs --reference and --reason");
    const result = await extendDeadline({
      reference: values.reference.toUpperCase(),
      input: { reason: values.reason, days: positiveInt(values.days, "--days"), months: positiveInt(values.months, "--months") },
      actor: operator,
    });
    console.log(`${values.reference.toUpperCase()}: due ${result.previousDueDate} → ${result.dueDate}; the person is emailed.`);
  },
  async "ask-for-information"(args) {
    const { values } = parseArgs({
      args,
      options: { reference: { type: "string" }, message: { type: "string" }, kind: { type: "string" } },
      strict: true,
    });
    if (!values.reference || !values.message) throw new UsageError("ask-for-information needs --reference and --message");
    const result = await askForInformation({
      reference: values.reference.toUpperCase(),
      input: { message: values.message, kind: (values.kind ?? "clarification") as "clarification" },
      actor: operator,
    });
    console.log(
      `${values.reference.toUpperCase()}: asked; the clock is ${result.clockPaused ? "paused" : "running (this law does not pause it)"}.`,
    );
  },
  async approve(args) {
    const { values } = parseArgs({ args, options: { reference: { type: "string" } }, strict: true });
    if (!values.reference) throw new UsageError("approve needs --reference");
    const approved = await approveRequest({ reference: values.reference.toUpperCase(), actor: operator });
    console.log(`${approved.reference}: approved; ${approved.connectors} connector task(s) started.`);
  },
  async "complete-task"(args) {
    const { values } = parseArgs({
      args,
      options: { task: { type: "string" }, note: { type: "string" }, erased: { type: "string" }, file: { type: "string" } },
      strict: true,
    });
    if (!values.task || !values.note) throw new UsageError("complete-task needs --task and --note");
    let file: { name: string; content: Buffer } | undefined;
    if (values.file) {
      try {
        file = { name: basename(values.file), content: readFileSync(values.file) };
      } catch {
        throw new UsageError(`Cannot read ${values.file}`);
      }
    }
    await completeManualTask(values.task, { note: values.note, erased: positiveInt(values.erased, "--erased"), file }, operator);
    console.log(`Task ${values.task} completed.`);
  },
  async tasks(args) {
    const { values } = parseArgs({ args, options: { status: { type: "string" } }, strict: true });
    const status = values.status?.toUpperCase();
    const statuses = ["PENDING", "RUNNING", "WAITING_CALLBACK", "AWAITING_STAFF", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
    if (status && !statuses.includes(status as (typeof statuses)[number]))
      throw new UsageError(`--status must be one of ${statuses.join(", ").toLowerCase()}`);
    const tasks = await db().connectorTask.findMany({
      where: status ? { status: status as (typeof statuses)[number] } : { status: { not: "SUCCEEDED" } },
      include: { connector: { select: { key: true } }, request: { select: { reference: true } } },
      orderBy: { createdAt: "asc" },
      take: 200,
    });
    if (tasks.length === 0) console.log("No tasks.");
    for (const t of tasks) {
      console.log(
        `${t.id}  ${t.request.reference}  ${t.connector.key}  ${t.action.toLowerCase()}  ${t.status.toLowerCase()}${t.lastError ? `  (${t.lastError})` : ""}`,
      );
    }
  },
  async "retry-task"(args) {
    const { values } = parseArgs({ args, options: { task: { type: "string" } }, strict: true });
    if (!values.task) throw new UsageError("retry-task needs --task");
    await retryConnectorTask(values.task, operator);
    console.log(`Task ${values.task} queued again.`);
  },
  async "apply-connectors"(args) {
    const { values, positionals } = parseArgs({ args, options: { "dry-run": { type: "boolean" } }, allowPositionals: true, strict: true });
    const [file] = positionals;
    if (!file) throw new UsageError("apply-connectors needs the path of a YAML or JSON file");
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      throw new UsageError(`Cannot read ${file}`);
    }
    const { entries, shared, problems, warnings } = await readConnectorsFile(text, process.env);
    const where = (p: FileProblem) => `${file}${p.line ? `:${p.line}:${p.column}` : ""}${p.path ? ` ${p.path}` : ""}`;
    // Warnings first: a file that fails shows them too, and they never stop it being applied.
    for (const w of warnings) console.error(`${where(w)}: warning: ${w.message}`);
    if (problems.length > 0) {
      for (const p of problems) console.error(`${where(p)}: ${p.message}`);
      throw new AppError("VALIDATION_FAILED", `${problems.length} problem(s) in ${file}: nothing was applied.`);
    }
    for (const name of correctableFieldsNobodyMaps({ ...shared, connectors: entries })) {
      console.warn(
        `${file}: warning: correctable field "${name}" is mapped by no enabled source with the rectification action; the form will not offer it`,
      );
    }
    if (values["dry-run"]) {
      console.log(`${file} is valid: ${entries.length} connector(s). Nothing applied (--dry-run).`);
      return;
    }
    const { dataMapVersion, ...outcome } = await applyConnectors(entries, operator, shared);
    for (const [what, keys] of Object.entries(outcome)) if (keys.length) console.log(`${what}: ${keys.join(", ")}`);
    console.log(dataMapVersion === null ? "data map: unchanged" : `data map: version ${dataMapVersion} recorded`);
  },
  async discover(args) {
    const { values } = parseArgs({
      args,
      options: {
        source: { type: "string" },
        url: { type: "string" },
        schema: { type: "string" },
        "identity-table": { type: "string" },
        sample: { type: "string" },
      },
      strict: true,
    });
    if (values.source !== "postgres" && values.source !== "mysql")
      throw new UsageError("discover needs --source postgres or --source mysql");
    if (!values.url) throw new UsageError("discover needs --url (the database's address)");
    const discovery = await discoverMapping({
      source: values.source,
      url: values.url,
      schema: values.schema,
      identityTable: values["identity-table"],
      sampleSize: positiveInt(values.sample, "--sample"),
    });
    process.stdout.write(discovery.yaml);
    console.error(`Proposed ${discovery.proposal.tables.length} table(s); set ${discovery.urlVariable} before applying the file.`);
  },
  async "test-connectors"() {
    const results = await testConnectors();
    if (results.length === 0) console.log("No enabled connectors.");
    for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.key} (${r.type}): ${r.message}`);
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  },
  async "information-received"(args) {
    const { values } = parseArgs({ args, options: { reference: { type: "string" } }, strict: true });
    if (!values.reference) throw new UsageError("information-received needs --reference");
    const result = await recordInformationReceived({ reference: values.reference.toUpperCase(), actor: operator });
    console.log(`${values.reference.toUpperCase()}: clock ${result.restarted ? "restarted" : "resumed"}; due ${result.dueDate}.`);
  },
  async "evidence-key"(args) {
    const { values } = parseArgs({ args, options: { json: { type: "boolean" } }, strict: true });
    const { document } = evidenceSigningKey();
    if (values.json) {
      console.log(JSON.stringify(document, null, 2));
      return;
    }
    console.log(`Algorithm:  ${document.algorithm}`);
    console.log(`Key id:     ${document.keyId}`);
    console.log(`Public key: ${document.publicKey}`);
    console.log(`\n${document.pem.trim()}`);
  },
};

class UsageError extends Error {}

const operator = { type: "SYSTEM" as const, id: "admin-cli" };

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a whole number`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return command ? 0 : 2;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  try {
    await run(args);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    // Schemas shared with the staff forms name catalogue messages: the terminal reads them in English.
    else if (error instanceof ZodError)
      console.error(error.issues.map((issue) => translateKey("en", issue.message) ?? issue.message).join("\n"));
    else if (error instanceof AppError || error instanceof EnvError) console.error(error.message);
    else if (error instanceof TypeError && /parseArgs|Unknown option/i.test(`${error.message}`))
      console.error(`${error.message}\n\n${usage}`);
    else console.error(error);
    return 1;
  } finally {
    await closeQueues();
    await closeFlowProducer();
    await closeQueueRuntime();
    await disconnectDb();
  }
}

process.exit(await main(process.argv.slice(2)));
