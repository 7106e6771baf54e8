// A task finished from outside its job (a callback arrived, staff completed it): the job that
// sleeps between checks is woken at once, so the request moves on without waiting.
import { loggableError, logger } from "../logger.ts";
import { getQueue } from "../queue/enqueue.ts";
import { connectorQueueName } from "../queue/jobs.ts";

export async function wakeTaskJob(taskId: string, connectorKey: string): Promise<void> {
  try {
    const job = await getQueue(connectorQueueName(connectorKey)).getJob(`task-${taskId}`);
    if (job && (await job.isDelayed())) await job.promote();
  } catch (error) {
    // The job looks again by itself within a minute: waking it is only a shortcut.
    logger.warn({ taskId, err: loggableError(error) }, "could not wake the task's job");
  }
}
