// The queues dashboard with BullMQ's PostgreSQL backend (the demo's, when no Redis answers). Set
// before anything reads the configuration. This file has a database of its own: on PostgreSQL
// every queue holds connections, and the shared test database collects the connectors of every
// other test file, which would make this one depend on how many ran before it.
import { afterAll } from "vitest";
import { createTestDatabase } from "../support/test-database.ts";

const database = await createTestDatabase("queues");
process.env.DATABASE_URL = database.url;
process.env.QUEUE_BACKEND = "postgres";
const { describeQueuesDashboard } = await import("../support/queues-dashboard.ts");

await describeQueuesDashboard("postgres");

afterAll(async () => {
  const { disconnectDb } = await import("../../lib/db.ts");
  await disconnectDb();
  await database.drop();
});
