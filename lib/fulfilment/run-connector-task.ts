// Runs one connector task: the processor of a `connector.run` job. Idempotent: a task already
// done is success. A source that answers later (a callback, a person completing a manual task)
// leaves the task waiting: the job checks again later until it is done or its wait is over.
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Correction, Deferred, Subject } from "../connectors/connector.ts";
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { connectorType } from "../connectors/registry.ts";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { connectorSubject } from "./connector-subject.ts";
import { writeStagingFile } from "./staging-file.ts";

const RECHECK_MS = { callback: 15_000, staff: 60_000 };

function isDeferred(value: unknown): value is Deferred {
  return typeof value === "object" && value !== null && "deferred" in value;
}

export async function runConnectorTask(taskId: string, job?: Job, token?: string): Promise<"done" | "already-done" | "waiting"> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true, request: true } });
  if (!task) throw new UnrecoverableError(`Connector task ${taskId} does not exist`);
  if (task.status === "SUCCEEDED") return "already-done";
  if (task.status === "WAITING_CALLBACK" || task.status === "AWAITING_STAFF") {
    if (task.callbackDeadline && task.callbackDeadline < new Date()) {
      await markFailed(taskId, `No callback from ${task.connector.name} by ${task.callbackDeadline.toISOString()}`);
      throw new UnrecoverableError(`No callback from ${task.connector.key} in time`);
    }
    return waitAgain(job, token, task.status === "AWAITING_STAFF" ? "staff" : "callback");
  }
  const { request, connector } = task;
  if (!request.email) throw new UnrecoverableError(`Request ${request.reference} has no personal details any more`);
  await db().connectorTask.update({
    where: { id: taskId },
    data: { status: "RUNNING", attempts: { increment: 1 }, startedAt: new Date(), lastError: null },
  });
  const type = connectorType(connector.type);
  const config = type.configSchema.parse(openConnectorConfig(connector.configEncrypted));
  const subject: Subject = connectorSubject(request);
  const context = { taskId, requestId: request.id, reference: request.reference, action: task.action.toLowerCase() as "access" };
  try {
    let receipt: Record<string, unknown>;
    let staging: { resultPath?: string; resultKeyWrapped?: string } = {};
    if (task.action === "ACCESS" || task.action === "PORTABILITY") {
      const result = await type.access(config, subject, context);
      if (isDeferred(result)) return defer(taskId, result, job, token);
      const written = await writeStagingFile(taskId, result);
      staging = { resultPath: written.path, resultKeyWrapped: written.keyWrapped };
      receipt = { records: written.total, categories: written.categories };
    } else if (task.action === "ERASURE") {
      const result = await type.erase(config, subject, context);
      if (isDeferred(result)) return defer(taskId, result, job, token);
      receipt = result;
    } else {
      const corrections = (request.corrections ?? []) as Correction[];
      const result = await type.rectify(config, subject, corrections, context);
      if (isDeferred(result)) return defer(taskId, result, job, token);
      receipt = result;
    }
    await completeTask(taskId, receipt, staging);
    return "done";
  } catch (error) {
    if (error instanceof DelayedError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const lastAttempt = job ? job.attemptsMade + 1 >= (job.opts.attempts ?? 1) : true;
    await db().connectorTask.update({
      where: { id: taskId },
      data: { status: lastAttempt ? "FAILED" : "PENDING", lastError: message.slice(0, 1000), finishedAt: lastAttempt ? new Date() : null },
    });
    throw error;
  }
}

/** Records a finished task and its receipt (counts and hashes only), once. */
export async function completeTask(
  taskId: string,
  receipt: object,
  staging: { resultPath?: string; resultKeyWrapped?: string } = {},
  completedById?: string,
) {
  await db().$transaction(async (tx: Tx) => {
    const moved = await tx.connectorTask.updateMany({
      where: { id: taskId, status: { not: "SUCCEEDED" } },
      data: {
        status: "SUCCEEDED",
        receipt: receipt as object,
        finishedAt: new Date(),
        lastError: null,
        completedById: completedById ?? null,
        ...staging,
      },
    });
    if (moved.count === 0) return;
    const task = await tx.connectorTask.findUniqueOrThrow({ where: { id: taskId }, include: { connector: true } });
    await appendAuditEvent(tx, {
      requestId: task.requestId,
      actor: completedById ? { type: "STAFF", id: completedById } : { type: "SYSTEM" },
      action: "connector.task-succeeded",
      data: { taskId, connector: task.connector.key, action: task.action, attempts: task.attempts, receipt: summarise(receipt) },
    });
  });
}

function summarise(receipt: object): unknown {
  // Receipts hold counts, strategies and reasons; keep the audit entry small.
  return JSON.parse(
    JSON.stringify(receipt, (_key, value) => (typeof value === "string" && value.length > 500 ? `${value.slice(0, 500)}…` : value)),
  );
}

async function markFailed(taskId: string, message: string) {
  await db().connectorTask.update({ where: { id: taskId }, data: { status: "FAILED", lastError: message, finishedAt: new Date() } });
}

async function defer(taskId: string, deferred: Deferred, job?: Job, token?: string): Promise<"waiting"> {
  await db().connectorTask.update({
    where: { id: taskId },
    data:
      deferred.deferred === "callback" ? { status: "WAITING_CALLBACK", callbackDeadline: deferred.until } : { status: "AWAITING_STAFF" },
  });
  return waitAgain(job, token, deferred.deferred);
}

async function waitAgain(job: Job | undefined, token: string | undefined, kind: "callback" | "staff"): Promise<"waiting"> {
  if (!job || !token) return "waiting";
  // The job sleeps and looks again; the parent (finaliser) waits for it meanwhile.
  await job.moveToDelayed(Date.now() + RECHECK_MS[kind], token);
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
