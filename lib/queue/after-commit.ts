// A queue write made after its rows committed (the outbox pattern): the caller waits for it a
// moment only. With the queue store down, BullMQ's connection keeps the command until the store is
// back (it never fails it), so an unbounded wait would hang the person's request for as long as
// the outage lasts; the write still goes through once the store answers, and the maintenance
// sweeps (pending emails, stalled fan-outs) add it again if the process ends first.
import { loggableError, logger } from "../logger.ts";

export const AFTER_COMMIT_WAIT_MS = 2_000;

/** Waits up to `waitMs` for `write`; logs (never throws) when it fails or is still pending. */
export async function settleAfterCommit(write: Promise<unknown>, context: Record<string, unknown>, waitMs = AFTER_COMMIT_WAIT_MS) {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<"pending">((resolve) => {
    timer = setTimeout(() => resolve("pending"), waitMs);
    timer.unref();
  });
  try {
    const outcome = await Promise.race([write.then(() => "written" as const), pending]);
    if (outcome === "pending") {
      logger.warn(
        context,
        "the queue store is not answering; the write goes through once it is back, else the maintenance sweep redoes it",
      );
      write.catch((error) =>
        logger.warn({ ...context, err: loggableError(error) }, "queue write failed; the maintenance sweep will retry"),
      );
    }
  } catch (error) {
    logger.warn({ ...context, err: loggableError(error) }, "queue write failed; the maintenance sweep will retry");
  } finally {
    clearTimeout(timer);
  }
}
