// The queues dashboard with BullMQ on Redis (the production backend).
import { describeQueuesDashboard } from "../support/queues-dashboard.ts";

await describeQueuesDashboard("redis");
