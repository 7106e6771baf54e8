// Integration tests share one fresh database, a queue prefix of their own on the local Redis,
// and a mail catcher; all removed at the end.
import type { TestProject } from "vitest/node";
import { startMailCatcher } from "../../scripts/dev/mail-catcher.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { testEnv } from "../support/test-env.ts";

export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const values = testEnv({
    DATABASE_URL: database.url,
    SMTP_URL: `smtp://127.0.0.1:${catcher.smtpPort}?tls=off`,
    MAIL_CATCHER_URL: `http://127.0.0.1:${catcher.httpPort}`,
  });
  Object.assign(process.env, values);
  project.provide("testEnv", values);
  return async () => {
    await catcher.close();
    await database.drop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}
