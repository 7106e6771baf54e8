// Removes the queued jobs of a request's connector tasks (each on its connector's queue, id
// `task-<taskId>`) and its finaliser (`finalise-<requestId>`, the flow's parent). A job running at
// that moment cannot be removed: it finds its task cancelled when it looks and keeps nothing.
// Never throws: the jobs of a closed request only find their tasks cancelled and end.
import type { Queue } from "bullmq";
import { loggableError, logger } from "../logger.ts";
import { getQueue } from "../queue/enqueue.ts";
import { connectorQueueName, queueNames } from "../queue/jobs.ts";

export async function removeRequestJobs(requestId: string, tasks: Array<{ id: string; connectorKey: string }>): Promise<void> {
  for (const task of tasks) await removeJob(getQueue(connectorQueueName(task.connectorKey)), `task-${task.id}`);
  await removeJob(getQueue(queueNames.fulfilment), `finalise-${requestId}`);
}

async function removeJob(queue: Queue, jobId: string): Promise<void> {
  try {
    const job = await queue.getJob(jobId);
    if (!job || (await job.isActive())) return;
    // Children first, one by one, so a running child never stops its parent's removal.
    await job.remove({ removeChildren: false });
  } catch (error) {
    logger.warn({ jobId, err: loggableError(error) }, "could not remove the job of a closed request");
  }
}
