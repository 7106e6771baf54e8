// `npm run admin -- <command> [options]`: operator commands.
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { createStaffUser } from "../lib/auth/create-staff-user.ts";
import { disconnectDb } from "../lib/db.ts";
import { EnvError } from "../lib/env.ts";
import { AppError } from "../lib/errors.ts";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --role admin|agent|auditor
      Creates a staff account and prints its one-time password (shown once; it must be
      changed at first sign-in).
`;

const commands: Record<string, (args: string[]) => Promise<void>> = {
  async "create-user"(args) {
    const { values } = parseArgs({ args, options: { email: { type: "string" }, role: { type: "string" } }, strict: true });
    if (!values.email || !values.role) throw new UsageError("create-user needs --email and --role");
    const { user, oneTimePassword } = await createStaffUser({ email: values.email, role: values.role as "admin" });
    console.log(`Created ${user.role.toLowerCase()} ${user.email}`);
    console.log(`One-time password (shown once): ${oneTimePassword}`);
  },
};

class UsageError extends Error {}

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
    await disconnectDb();
  }
}

process.exit(await main(process.argv.slice(2)));
