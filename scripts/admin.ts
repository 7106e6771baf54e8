// `npm run admin -- <command> [options]`: operator commands.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createStaffUser } from "../lib/auth/create-staff-user.ts";
import { disconnectDb } from "../lib/db.ts";
import { EnvError } from "../lib/env.ts";
import { AppError } from "../lib/errors.ts";
import { closeQueueRuntime } from "../lib/queue/backend.ts";
import { closeQueues } from "../lib/queue/enqueue.ts";
import { askForInformation } from "../lib/requests/ask-for-information.ts";
import { extendDeadline } from "../lib/requests/extend-deadline.ts";
import { recordInformationReceived } from "../lib/requests/record-information-received.ts";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --role admin|agent|auditor
      Creates a staff account and prints its one-time password (shown once; it must be
      changed at first sign-in).
  extend-deadline --reference R --reason TEXT [--days N | --months N]
      Extends the time to answer (the most the law allows unless N is given) and emails the
      person the reasons and the new date. Refused when too late or not allowed.
  ask-for-information --reference R --message TEXT [--kind clarification|identity]
      Asks the person for information; pauses the clock where the law allows it.
  information-received --reference R
      Records that the information asked for arrived by another channel (resumes or restarts
      the clock).
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async "create-user"(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" } }, strict: true });
    if (!values.email || !values.role) throw new UsageError("create-user needs --email and --role");
    const { user, oneTimePassword } = await createStaffUser({ email: values.email, role: values.role as "admin" });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
    console.log(`One-time password (shown once): ${oneTimePassword}`);
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
  async "information-received"(args) {
    const { values } = parseArgs({ args, options: { reference: { type: "string" } }, strict: true });
    if (!values.reference) throw new UsageError("information-received needs --reference");
    const result = await recordInformationReceived({ reference: values.reference.toUpperCase(), actor: operator });
    console.log(`${values.reference.toUpperCase()}: clock ${result.restarted ? "restarted" : "resumed"}; due ${result.dueDate}.`);
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
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
    else if (error instanceof ZodError) console.error(error.issues.map((issue) => issue.message).join("\n"));
    else if (error instanceof AppError || error instanceof EnvError) console.error(error.message);
    else if (error instanceof TypeError && /parseArgs|Unknown option/i.test(`${error.message}`))
      console.error(`${error.message}\n\n${usage}`);
    else console.error(error);
    return 1;
  } finally {
    await closeQueues();
    await closeQueueRuntime();
    await disconnectDb();
  }
}

process.exit(await main(process.argv.slice(2)));
