/**
 * A development SMTP server with a web inbox: the portal's emails (confirmation links, codes) can be read
 * in demos, end-to-end tests and local work without a real mailbox. Messages live in memory, and
 * in a file too when `storeFile` is given (the demo keeps its inbox across restarts).
 *
 *   npx tsx scripts/dev/mail-catcher.ts --smtp-port 1025 --http-port 1080
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SMTPServer } from "smtp-server";
import { z } from "zod";
import { createInboxRequestHandler } from "./mail-catcher-http.ts";
import { type CaughtMessage, createMessageStore, parseCaughtMessage, readMessageSource } from "./mail-catcher-messages.ts";

export type { CaughtMessage };

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export type MailCatcherOptions = {
  /** 0 picks a free port; the one chosen is returned. */
  smtpPort: number;
  httpPort: number;
  host?: string;
  /** The oldest messages are dropped beyond this. */
  maxMessages?: number;
  /** Where the messages are kept across restarts (a JSON file); memory only without it. */
  storeFile?: string;
};

export type MailCatcher = {
  smtpPort: number;
  httpPort: number;
  close(): Promise<void>;
  messages(): CaughtMessage[];
  clear(): void;
};

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  const host = options.host ?? "127.0.0.1";
  const store = createMessageStore(options.maxMessages ?? 500, options.storeFile);

  const smtp = new SMTPServer({
    // Any sender, any recipient, any (or no) credentials: this server only ever collects mail.
    authOptional: true,
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "dev" }),
    // No certificate to offer, so clients must not be invited to upgrade and then fail.
    disabledCommands: ["STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Clients disconnect after each message; a short grace period keeps Ctrl-C responsive.
    closeTimeout: 2_000,
    onData(stream, session, callback) {
      readMessageSource(stream, MAX_MESSAGE_BYTES)
        .then((source) => parseCaughtMessage(source, session.envelope))
        .then((message) => {
          store.add(message);
          callback();
        }, callback);
    },
  });
  await listen(smtp, options.smtpPort, host);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  // Connection-level errors (a client hanging up) must not crash the process once it is running.
  smtp.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET") console.error("[mail-catcher] SMTP error:", error.message);
  });

  const http = createServer(createInboxRequestHandler(store, `smtp://${urlHost(host)}:${smtpPort}`));
  try {
    await listen(http, options.httpPort, host);
  } catch (error) {
    await new Promise<void>((done) => smtp.close(done));
    throw error;
  }
  const httpPort = (http.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    smtpPort,
    httpPort,
    messages: () => store.list(),
    clear: () => store.clear(),
    close() {
      closing ??= Promise.all([
        new Promise<void>((done) => smtp.close(done)),
        new Promise<void>((done) => {
          http.close(() => done());
          // fetch keeps connections alive; without this, close() waits for them to time out.
          http.closeAllConnections();
        }),
      ]).then(() => undefined);
      return closing;
    },
  };
}

async function listen(server: Server | SMTPServer, port: number, host: string) {
  const failed = once(server, "error").then(([error]) => Promise.reject(error));
  const listening = new Promise<void>((done) => server.listen(port, host, () => done()));
  await Promise.race([listening, failed]);
  // The race is settled; the losing promise must not surface later as an unhandled rejection.
  failed.catch(() => undefined);
}

function urlHost(host: string) {
  return host.includes(":") ? `[${host}]` : host;
}

const cliOptionsSchema = z.object({
  "smtp-port": z.coerce.number().int().min(0).max(65_535).default(1025),
  "http-port": z.coerce.number().int().min(0).max(65_535).default(1080),
  host: z.string().min(1).default("127.0.0.1"),
  "max-messages": z.coerce.number().int().positive().default(500),
});

async function runCli() {
  const { values } = parseArgs({
    options: {
      "smtp-port": { type: "string" },
      "http-port": { type: "string" },
      host: { type: "string" },
      "max-messages": { type: "string" },
    },
  });
  const parsed = cliOptionsSchema.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`);
    console.error(`mail-catcher: ${problems.join("; ")}`);
    process.exitCode = 2;
    return;
  }
  const cli = parsed.data;
  const catcher = await startMailCatcher({
    smtpPort: cli["smtp-port"],
    httpPort: cli["http-port"],
    host: cli.host,
    maxMessages: cli["max-messages"],
  });
  const host = urlHost(cli.host);
  console.log(`Mail catcher running (messages kept in memory only, up to ${cli["max-messages"]})`);
  console.log(`  SMTP:  smtp://${host}:${catcher.smtpPort}`);
  console.log(`  Inbox: http://${host}:${catcher.httpPort}/`);

  const stop = (signal: NodeJS.Signals) => {
    console.log(`\n${signal} received, closing the mail catcher`);
    // A second Ctrl-C while closing means "now".
    process.once(signal, () => process.exit(130));
    catcher.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const isEntryPoint = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  runCli().catch((error: unknown) => {
    console.error("mail-catcher:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
