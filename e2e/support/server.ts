// The stack the end-to-end tests run against: a fresh database, a mail catcher, the built web
// app (`scripts/web-server.ts`, i.e. `next start` plus the client's socket address) and the workers, on the local PostgreSQL and Redis. Stops it all on SIGTERM.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startMailCatcher } from "../../scripts/dev/mail-catcher.ts";
import { startTestOidcProvider } from "../../tests/support/oidc-provider.ts";
import { createTestDatabase } from "../../tests/support/test-database.ts";
import { testEnv } from "../../tests/support/test-env.ts";
import { e2eLogDir, e2ePorts, e2eStateFile } from "./ports.ts";
import { ssoButtonLabel, ssoButtonLabelFr, ssoUsers } from "./sso-users.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const database = await createTestDatabase("e2e");
const catcher = await startMailCatcher({ smtpPort: e2ePorts.smtp, httpPort: e2ePorts.inbox });
// Staff single sign-on against a real OpenID Connect provider on a free loopback port.
const identityProvider = await startTestOidcProvider({
  redirectUri: `http://127.0.0.1:${e2ePorts.web}/staff/sso/callback`,
  users: Object.values(ssoUsers),
});
const values = testEnv({
  DATABASE_URL: database.url,
  SMTP_URL: `smtp://127.0.0.1:${e2ePorts.smtp}?tls=off`,
  APP_URL: `http://127.0.0.1:${e2ePorts.web}`,
  PORT: String(e2ePorts.web),
  // Info and above: log-privacy.spec.ts reads every line for personal data.
  LOG_LEVEL: "info",
  // Every spec files its requests from 127.0.0.1, far more than a person would in an hour; the limit
  // itself is tested by the integration tests, each with its own address.
  RATE_LIMIT_PER_IP_PER_HOUR: "10000",
  // The same for staff: the specs sign in dozens of times within 15 minutes.
  STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN: "10000",
  OIDC_ISSUER: identityProvider.issuer,
  OIDC_CLIENT_ID: identityProvider.clientId,
  OIDC_CLIENT_SECRET: identityProvider.clientSecret,
  OIDC_ROLE_CLAIM: "groups",
  OIDC_ROLE_MAP: "privacy-admins=admin,privacy-agents=agent,auditors=auditor",
  OIDC_BUTTON_LABEL: ssoButtonLabel,
  OIDC_BUTTON_LABEL_FR: ssoButtonLabelFr,
});
const env: NodeJS.ProcessEnv = { ...process.env, ...values, NODE_ENV: "production" };
mkdirSync(dirname(e2eStateFile), { recursive: true });
writeFileSync(
  e2eStateFile,
  JSON.stringify({ databaseUrl: database.url, encryptionKey: values.ENCRYPTION_KEY, queuePrefix: values.QUEUE_PREFIX, env: values }),
);

mkdirSync(e2eLogDir, { recursive: true });
/** Starts a process of the stack; what it prints goes on to this process and into `<name>.log`. */
function start(name: string, args: string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  const log = createWriteStream(`${e2eLogDir}${name}.log`);
  child.stdout?.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    log.write(chunk);
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    log.write(chunk);
  });
  child.once("exit", () => log.end());
  return child;
}

const children: ChildProcess[] = [
  start("web", ["--import", "tsx", "scripts/web-server.ts", "-p", String(e2ePorts.web), "-H", "127.0.0.1"]),
  start("workers", ["--import", "tsx", "workers/index.ts"], { DSAR_SERVICE: "workers" }),
];

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((r) => child.once("exit", r)))));
  await catcher.close();
  await identityProvider.close();
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const child of children) {
  child.on("exit", (code) => {
    if (stopping) return;
    console.error(`e2e stack: a process exited (${code})`);
    void stop();
  });
}
