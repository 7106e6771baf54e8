// What the end-to-end specs share: the inbox of the test stack and its database.
import { readFileSync } from "node:fs";
import pg from "pg";
import { e2eInboxUrl, e2eStateFile } from "./ports.ts";

export { codeIn, linkIn, tokenOf, waitForEmail } from "../../tests/support/mailbox.ts";
export const inbox = e2eInboxUrl;

let counter = 0;
export function uniqueEmail(label: string): string {
  return `${label}.${Date.now()}.${counter++}@example.test`;
}

/** Runs SQL on the database of the running test stack (to set up what a test needs). */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const { databaseUrl } = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
