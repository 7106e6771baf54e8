// The outbox's safety net: a message still pending some minutes after it was written gets its
// delivery job back (never enqueued, because the enqueue after commit failed, or out of retries).
import { db } from "../db.ts";
import { enqueue, getQueue } from "../queue/enqueue.ts";
import { queueNames } from "../queue/jobs.ts";

export async function redeliverPendingEmails(now = new Date(), olderThanMs = 120_000): Promise<{ requeued: number }> {
  const pending = await db().emailMessage.findMany({
    where: { status: "PENDING", createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  let requeued = 0;
  const queue = getQueue(queueNames.email);
  for (const { id } of pending) {
    const jobId = `email-${id}`;
    const job = await queue.getJob(jobId);
    if (!job) {
      await enqueue("email.deliver", { emailId: id }, { jobId });
      requeued++;
    } else if (await job.isFailed()) {
      await job.retry("failed");
      requeued++;
    }
  }
  return { requeued };
}
