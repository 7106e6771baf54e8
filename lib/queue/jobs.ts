// Every queue and job of the portal, with the zod schema of each payload. Producers write the
// database row first and enqueue its id; processors validate the payload again.
import { z } from "zod";

export const queueNames = {
  email: "email",
  maintenance: "maintenance",
  fulfilment: "fulfilment",
  drp: "drp",
} as const;

/** Each connector has a queue of its own, so its concurrency and rate limit are its own. */
export function connectorQueueName(connectorKey: string): `connector-${string}` {
  return `connector-${connectorKey}`;
}

export type QueueName = (typeof queueNames)[keyof typeof queueNames] | `connector-${string}`;

export const jobSchemas = {
  "email.deliver": z.object({ emailId: z.uuid() }),
  "connector.run": z.object({ taskId: z.uuid() }),
  "connector.cancel": z.object({ taskId: z.uuid() }),
  "fulfilment.finalise": z.object({ requestId: z.uuid() }),
  "maintenance.purge-expired-packages": z.object({}),
  "maintenance.resume-stalled-fulfilment": z.object({}),
  "maintenance.expire-unverified": z.object({}),
  "maintenance.redeliver-pending-email": z.object({}),
  "maintenance.purge-expired-records": z.object({}),
  "maintenance.retention-purge": z.object({}),
  "maintenance.send-deadline-reminders": z.object({}),
  "maintenance.send-daily-digests": z.object({}),
  "maintenance.queue-drp-callbacks": z.object({}),
  "maintenance.compact-status-counts": z.object({}),
  "drp.status-callback": z.object({ drpRequestId: z.uuid() }),
} as const;

export type JobName = keyof typeof jobSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

export const jobQueue: Record<JobName, QueueName> = {
  "email.deliver": queueNames.email,
  "connector.run": queueNames.fulfilment, // overridden per connector: see connectorQueueName
  "connector.cancel": queueNames.fulfilment, // likewise
  "fulfilment.finalise": queueNames.fulfilment,
  "maintenance.purge-expired-packages": queueNames.maintenance,
  "maintenance.resume-stalled-fulfilment": queueNames.maintenance,
  "maintenance.expire-unverified": queueNames.maintenance,
  "maintenance.redeliver-pending-email": queueNames.maintenance,
  "maintenance.purge-expired-records": queueNames.maintenance,
  "maintenance.retention-purge": queueNames.maintenance,
  "maintenance.send-deadline-reminders": queueNames.maintenance,
  "maintenance.send-daily-digests": queueNames.maintenance,
  "maintenance.queue-drp-callbacks": queueNames.maintenance,
  "maintenance.compact-status-counts": queueNames.maintenance,
  "drp.status-callback": queueNames.drp,
};

export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  return jobSchemas[name].parse(data) as JobPayload<N>;
}
