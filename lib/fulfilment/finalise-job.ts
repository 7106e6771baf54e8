// The processor of a `fulfilment.finalise` job: builds the request's answer (finalise-request.ts).
// A finaliser that finds a task not done yet fails, so BullMQ tries it again later. One that fails
// its last attempt (storage unusable for minutes, a package that cannot be built) is recorded on the
// request, so staff see why the answer is late and can retry it once the cause is fixed
// (retry-finalise.ts), instead of a request that stays "in progress" with nothing said.
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { scrubbedJobError } from "../queue/job-errors.ts";
import { finaliseRequest } from "./finalise-request.ts";

type AttemptsOf = { attemptsMade: number; opts: { attempts?: number } };

export async function runFinaliseJob(requestId: string, job?: AttemptsOf) {
  let outcome: Awaited<ReturnType<typeof finaliseRequest>>;
  try {
    outcome = await finaliseRequest(requestId);
  } catch (error) {
    // attemptsMade counts the attempts before this one.
    if (job && job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await recordFinaliseFailure(requestId, scrubbedJobError(error).message, job.attemptsMade + 1);
    }
    throw error;
  }
  if (outcome === "waiting") throw new Error(`Request ${requestId} still has connector tasks to finish`);
  return outcome;
}

/** Only on a request still in progress: one closed or withdrawn meanwhile has nothing to build. */
export async function recordFinaliseFailure(requestId: string, message: string, attempts: number): Promise<boolean> {
  return db().$transaction(async (tx: Tx) => {
    const moved = await tx.dsarRequest.updateMany({
      where: { id: requestId, status: "IN_PROGRESS" },
      data: { finaliseFailedAt: new Date(), finaliseError: message.slice(0, 1000) },
    });
    if (moved.count === 0) return false;
    await appendAuditEvent(tx, { requestId, actor: { type: "SYSTEM" }, action: "request.finalise-failed", data: { attempts } });
    return true;
  });
}
