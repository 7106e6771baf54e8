// Runs one connector task: the processor of a `connector.run` job. Idempotent: a task already
// done is success. A source that answers later (a callback, a person completing a manual task)
// leaves the task waiting: the job checks again later until it is done or its wait is over.
// Nothing runs for a request that is no longer approved or in progress, and every change of the
// task is conditional on the state this run claimed: a withdrawal or close cancelling the task
// meanwhile wins, and what the source returned afterwards is not kept.
import { rm } from "node:fs/promises";
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import {
  type ConnectorContext,
  type ConnectorType,
  type Correction,
  type Deferred,
  isPreferenceKind,
  type Subject,
} from "../connectors/connector.ts";
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { connectorType } from "../connectors/registry.ts";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { ConnectorTaskStatus } from "../generated/prisma/enums.ts";
import { isFulfilling } from "../requests/request-status.ts";
import { connectorSubject } from "./connector-subject.ts";
import { type Settled, settleWaitingTask } from "./settle-waiting-task.ts";
import { newStagingPath, writeStagingFile } from "./staging-file.ts";
import { summariseReceipt } from "./summarise-receipt.ts";
import { openTaskStatuses } from "./task-status.ts";

const RECHECK_MS = { callback: 15_000, staff: 60_000 };

function isDeferred(value: unknown): value is Deferred {
  return typeof value === "object" && value !== null && "deferred" in value;
}

export async function runConnectorTask(
  taskId: string,
  job?: Job,
  token?: string,
): Promise<"done" | "already-done" | "waiting" | "cancelled"> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true, request: true } });
  if (!task) throw new UnrecoverableError(`Connector task ${taskId} does not exist`);
  if (task.status === "SUCCEEDED") return "already-done";
  if (task.status === "CANCELLED") return "cancelled";
  if (!isFulfilling(task.request.status)) {
    // Closed before this change cancelled tasks with it: nothing is run, polled or kept.
    await db().connectorTask.updateMany({
      where: { id: taskId, status: { in: openTaskStatuses } },
      data: { status: "CANCELLED", finishedAt: new Date(), callbackDeadline: null },
    });
    return "cancelled";
  }
  if (task.status === "WAITING_CALLBACK" || task.status === "AWAITING_STAFF") {
    if (task.callbackDeadline && task.callbackDeadline < new Date()) {
      const failed = await markFailed(
        taskId,
        task.status,
        `No callback from ${task.connector.name} by ${task.callbackDeadline.toISOString()}`,
      );
      if (!failed) return "cancelled";
      throw new UnrecoverableError(`No callback from ${task.connector.key} in time`);
    }
    if (task.status === "AWAITING_STAFF") return waitAgain(job, token, "staff");
    return pollWaitingTask(task, job, token);
  }
  const { request, connector } = task;
  if (!request.email && !(request.accountId && request.accountIdConfirmedAt))
    throw new UnrecoverableError(`Request ${request.reference} has no personal details any more`);
  // The claim: from here on, only this run moves the task (unless a withdrawal cancels it).
  const claimed = await db().connectorTask.updateMany({
    where: { id: taskId, status: { in: ["PENDING", "RUNNING", "FAILED"] } },
    data: { status: "RUNNING", attempts: { increment: 1 }, startedAt: new Date(), lastError: null },
  });
  if (claimed.count === 0) return "cancelled";
  const type = connectorType(connector.type);
  const config = type.configSchema.parse(openConnectorConfig(connector.configEncrypted));
  const subject: Subject = connectorSubject(request);
  const context = {
    taskId,
    requestId: request.id,
    reference: request.reference,
    action: task.action.toLowerCase() as ConnectorContext["action"],
  };
  try {
    let receipt: Record<string, unknown>;
    let staging: { resultPath?: string; resultKeyWrapped?: string } = {};
    if (task.action === "ACCESS" || task.action === "PORTABILITY") {
      const result = await type.access(config, subject, context);
      if (isDeferred(result)) return defer(taskId, result, job, token, recheckMs(type, config));
      const written = await writeStagingFile(newStagingPath(taskId), result);
      staging = { resultPath: written.path, resultKeyWrapped: written.keyWrapped };
      receipt = { records: written.total, categories: written.categories };
    } else if (isPreferenceKind(context.action)) {
      if (!type.applyPreference) throw new UnrecoverableError(`Connector type ${connector.type} has no action for ${context.action}`);
      const result = await type.applyPreference(config, subject, context.action, context);
      if (isDeferred(result)) return defer(taskId, result, job, token);
      receipt = result;
    } else if (task.action === "ERASURE") {
      const result = await type.erase(config, subject, context);
      if (isDeferred(result)) return defer(taskId, result, job, token, recheckMs(type, config));
      receipt = result;
    } else {
      const corrections = (request.corrections ?? []) as Correction[];
      const result = await type.rectify(config, subject, corrections, context);
      if (isDeferred(result)) return defer(taskId, result, job, token, recheckMs(type, config));
      receipt = result;
    }
    if (await completeTask(taskId, receipt, { expect: { status: "RUNNING" }, staging })) return "done";
    if (staging.resultPath) await rm(staging.resultPath, { force: true });
    // An earlier run of the same job (one BullMQ thought stalled) finished first: its result stands.
    const now = await db().connectorTask.findUnique({ where: { id: taskId }, select: { status: true } });
    if (now?.status === "SUCCEEDED") return "already-done";
    // Cancelled while the source was working: nothing it returned is kept, but what it did is
    // recorded (an erasure that had already started cannot be undone).
    await db().$transaction((tx: Tx) =>
      appendAuditEvent(tx, {
        requestId: request.id,
        actor: { type: "SYSTEM" },
        action: "connector.task-result-discarded",
        data: { taskId, connector: connector.key, action: task.action, receipt: summariseReceipt(receipt) },
      }),
    );
    return "cancelled";
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const lastAttempt = job ? job.attemptsMade + 1 >= (job.opts.attempts ?? 1) : true;
    const recorded = await db().connectorTask.updateMany({
      where: { id: taskId, status: "RUNNING" },
      data: { status: lastAttempt ? "FAILED" : "PENDING", lastError: message.slice(0, 1000), finishedAt: lastAttempt ? new Date() : null },
    });
    if (recorded.count === 0) return "cancelled";
    throw error;
  }
}

/**
 * Records a finished task and its receipt (counts and hashes only), once: only if the task is
 * still in the state the caller claimed (`expect`), so a cancelled task, or a task another caller
 * finished first, is left alone. Returns whether this call finished it.
 *
 * One statement, so one round trip and atomic without a transaction: it moves the task and, from
 * the row it moved, writes the `connector.task-succeeded` audit event (pending, as appendAuditEvent
 * writes it; the sequencer chains it after commit). No row moved: no event.
 */
export async function completeTask(
  taskId: string,
  receipt: object,
  options: {
    expect: { status: ConnectorTaskStatus; resultPath?: string | null };
    staging?: { resultPath?: string; resultKeyWrapped?: string };
    completedById?: string;
    note?: string;
  },
): Promise<boolean> {
  const { expect, staging = {}, completedById, note } = options;
  const now = new Date();
  const stagingSet = staging.resultPath
    ? Prisma.sql`, "resultPath" = ${staging.resultPath}, "resultKeyWrapped" = ${staging.resultKeyWrapped ?? null}`
    : Prisma.empty;
  const noteSet = note !== undefined ? Prisma.sql`, note = ${note}` : Prisma.empty;
  const resultPathIs =
    expect.resultPath === undefined
      ? Prisma.empty
      : expect.resultPath === null
        ? Prisma.sql`AND t."resultPath" IS NULL`
        : Prisma.sql`AND t."resultPath" = ${expect.resultPath}`;
  const eventData = JSON.stringify({ taskId, receipt: summariseReceipt(receipt) });
  const written = await db().$queryRaw<{ id: bigint }[]>`
    WITH moved AS (
      UPDATE connector_tasks AS t
      SET status = 'SUCCEEDED', receipt = ${JSON.stringify(receipt)}::jsonb, "finishedAt" = ${now}, "lastError" = NULL,
          "completedById" = ${completedById ?? null}::uuid, "updatedAt" = ${now}${stagingSet}${noteSet}
      WHERE t.id = ${taskId}::uuid AND t.status = ${expect.status}::"ConnectorTaskStatus" ${resultPathIs}
      RETURNING t."requestId", t."connectorId", t.action, t.attempts
    )
    INSERT INTO audit_events ("requestId", "actorType", "actorId", action, data, at)
    SELECT moved."requestId", ${completedById ? "STAFF" : "SYSTEM"}::"ActorType", ${completedById ?? null},
           'connector.task-succeeded',
           ${eventData}::jsonb || jsonb_build_object('connector', c.key, 'action', moved.action, 'attempts', moved.attempts),
           ${now}
    FROM moved JOIN connectors AS c ON c.id = moved."connectorId"
    RETURNING id`;
  return written.length === 1;
}

async function markFailed(taskId: string, from: ConnectorTaskStatus, message: string): Promise<boolean> {
  const moved = await db().connectorTask.updateMany({
    where: { id: taskId, status: from },
    data: { status: "FAILED", lastError: message, finishedAt: new Date() },
  });
  return moved.count === 1;
}

/** How long a task waiting for a callback sleeps between looks: the type's polling interval, if it polls. */
function recheckMs(type: ConnectorType<unknown>, config: unknown): number {
  const seconds = type.poll && type.pollIntervalSeconds?.(config);
  return seconds ? seconds * 1000 : RECHECK_MS.callback;
}

/**
 * A task waiting for a callback, looked at again: a type that can be asked (poll) is asked, so a
 * lost callback does not leave the task waiting until its deadline. A failed question is kept on
 * the task for staff and asked again next time.
 */
async function pollWaitingTask(
  task: {
    id: string;
    requestId: string;
    action: string;
    connector: { type: string; key: string; configEncrypted: string };
    request: { reference: string };
  },
  job?: Job,
  token?: string,
): Promise<"done" | "waiting" | "cancelled"> {
  const type = connectorType(task.connector.type);
  if (!type.poll) return waitAgain(job, token, "callback");
  const config = type.configSchema.parse(openConnectorConfig(task.connector.configEncrypted));
  const context = {
    taskId: task.id,
    requestId: task.requestId,
    reference: task.request.reference,
    action: task.action.toLowerCase() as "access",
  };
  let settled: Settled;
  try {
    settled = await settleWaitingTask(task.id, await type.poll(config, context));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db().connectorTask.updateMany({
      where: { id: task.id, status: "WAITING_CALLBACK" },
      data: { lastError: `Asking for the status failed: ${message}`.slice(0, 1000) },
    });
    settled = "waiting";
  }
  if (settled === "done") return "done";
  if (settled === "lost") return "cancelled";
  if (settled === "failed") throw new UnrecoverableError(`${task.connector.key} reports the task failed`);
  return waitAgain(job, token, "callback", recheckMs(type, config));
}

async function defer(taskId: string, deferred: Deferred, job?: Job, token?: string, delayMs?: number): Promise<"waiting" | "cancelled"> {
  const moved = await db().connectorTask.updateMany({
    where: { id: taskId, status: "RUNNING" },
    data:
      deferred.deferred === "callback" ? { status: "WAITING_CALLBACK", callbackDeadline: deferred.until } : { status: "AWAITING_STAFF" },
  });
  if (moved.count === 0) return "cancelled";
  return waitAgain(job, token, deferred.deferred, delayMs);
}

async function waitAgain(
  job: Job | undefined,
  token: string | undefined,
  kind: "callback" | "staff",
  delayMs?: number,
): Promise<"waiting"> {
  if (!job || !token) return "waiting";
  // The job sleeps and looks again; the parent (finaliser) waits for it meanwhile.
  await job.moveToDelayed(Date.now() + (kind === "callback" && delayMs ? delayMs : RECHECK_MS[kind]), token);
  throw new DelayedError();
}

/**
 * BullMQ gave up on a task's job without the processor recording it (the worker process died
 * while running it, more often than allowed): the task is marked failed with that cause, so staff
 * see it and can retry it once the cause is fixed.
 */
export async function recordAbandonedTask(taskId: string, reason: string): Promise<void> {
  const stalled = /stalled/i.test(reason);
  await db().connectorTask.updateMany({
    where: { id: taskId, status: { in: ["PENDING", "RUNNING"] } },
    data: {
      status: "FAILED",
      finishedAt: new Date(),
      lastError: stalled
        ? "The worker stopped while running this task, more often than allowed (it may run out of memory on this source)."
        : reason.slice(0, 1000),
    },
  });
}
