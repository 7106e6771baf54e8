// One BullMQ flow per approved request: a child job per connector task (on that connector's own
// queue), and a parent that finalises once every child has succeeded. Job ids are derived from
// the rows, so adding the same flow again adds nothing new. Only tasks still to run get a job, and
// only while the request is approved or in progress; a withdrawal or close that commits while the
// flow is being added is seen afterwards and the jobs just added are removed again.
import type { FlowProducer } from "bullmq";
import { db } from "../db.ts";
import { queueRuntime } from "../queue/backend.ts";
import { defaultJobOptions, FAILED_JOB_AGE_SECONDS } from "../queue/enqueue.ts";
import { connectorQueueName, queueNames } from "../queue/jobs.ts";
import { fulfillingStatuses, isFulfilling } from "../requests/request-status.ts";
import { removeRequestJobs } from "./remove-request-jobs.ts";

let producer: FlowProducer | undefined;

function flowProducer(): FlowProducer {
  if (!producer) {
    const runtime = queueRuntime();
    producer = new runtime.FlowProducer({ connection: runtime.connection as never, prefix: runtime.prefix });
  }
  return producer;
}

export async function closeFlowProducer(): Promise<void> {
  await producer?.close();
  producer = undefined;
}

export async function startFulfilment(requestId: string): Promise<void> {
  const tasks = await db().connectorTask.findMany({
    where: { requestId, status: "PENDING", request: { status: { in: fulfillingStatuses } } },
    include: { connector: true },
    orderBy: { createdAt: "asc" },
  });
  if (tasks.length === 0) return;
  await flowProducer().add({
    name: "fulfilment.finalise",
    queueName: queueNames.fulfilment,
    data: { requestId },
    opts: {
      jobId: `finalise-${requestId}`,
      ...defaultJobOptions["fulfilment.finalise"],
      removeOnComplete: { age: 86_400 },
      removeOnFail: { age: FAILED_JOB_AGE_SECONDS },
    },
    children: tasks.map((task) => ({
      name: "connector.run",
      queueName: connectorQueueName(task.connector.key),
      data: { taskId: task.id },
      opts: {
        jobId: `task-${task.id}`,
        attempts: task.connector.maxAttempts,
        backoff: { type: "exponential", delay: 5_000 },
        // A failed task leaves the request in progress, visible and retryable; the parent waits.
        failParentOnFailure: false,
        removeOnComplete: { age: 86_400 },
        removeOnFail: { age: FAILED_JOB_AGE_SECONDS },
      },
    })),
  });
  const request = await db().dsarRequest.findUnique({ where: { id: requestId }, select: { status: true } });
  if (!request || !isFulfilling(request.status)) {
    await removeRequestJobs(
      requestId,
      tasks.map((task) => ({ id: task.id, connectorKey: task.connector.key })),
    );
  }
}
