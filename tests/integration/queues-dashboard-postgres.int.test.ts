// The queues dashboard with BullMQ's PostgreSQL backend (the demo's, when no Redis answers). Set
// before anything reads the configuration.
process.env.QUEUE_BACKEND = "postgres";
const { describeQueuesDashboard } = await import("../support/queues-dashboard.ts");

await describeQueuesDashboard("postgres");

export {};
