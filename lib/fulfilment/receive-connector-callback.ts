// An http connector's system calls back with the result of a task it answered 202 to. The call
// is signed with the connector's secret (same scheme as the portal's own calls) and may arrive
// once per task: a repeated callback for a finished task changes nothing.
//
// Refused unless the request is still approved or in progress. An access result is written to a
// staging file of its own, claimed on the task before writing (the task keeps the path until it
// completes), so duplicate callbacks never write into one file and the key kept opens the file
// named. A withdrawal or close meanwhile cancels the task: the completion then finds it cancelled
// and the file is removed.
import type { LaterAnswer } from "../connectors/connector.ts";
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { type HttpConfig, httpConfigSchema, parseCallbackResult, verifySignature } from "../connectors/http/index.ts";
import { connectorType, isConnectorType } from "../connectors/registry.ts";
import { db, type Tx } from "../db.ts";
import { AppError } from "../errors.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";
import { isFulfilling } from "../requests/request-status.ts";
import { settleWaitingTask } from "./settle-waiting-task.ts";
import { wakeTaskJob } from "./wake-task-job.ts";

const actionName = {
  ACCESS: "access",
  PORTABILITY: "portability",
  ERASURE: "erasure",
  RECTIFICATION: "rectification",
  OPT_OUT: "opt_out",
  LIMIT_SENSITIVE: "limit_sensitive",
  RESTRICTION: "restriction",
  OBJECTION: "objection",
} as const;

export async function receiveConnectorCallback(
  taskId: string,
  rawBody: string,
  headers: Headers,
): Promise<{ status: "accepted" | "already-done" }> {
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    include: { connector: true, request: { select: { status: true } } },
  });
  // The same answer for an unknown task and a wrong signature: nothing to learn by probing.
  if (!task || !isConnectorType(task.connector.type)) throw new AppError("UNAUTHORIZED", "Invalid callback signature.");
  if (task.connector.type !== "http") return receiveTypedCallback(task, rawBody, headers);
  const config: HttpConfig = httpConfigSchema.parse(openConnectorConfig(task.connector.configEncrypted));
  const verified = verifySignature({
    secret: config.secret,
    rawBody,
    timestampHeader: headers.get("x-dsar-timestamp"),
    signatureHeader: headers.get("x-dsar-signature"),
  });
  if (!verified.ok) throw new AppError("UNAUTHORIZED", `Invalid callback signature (${verified.reason}).`);
  if (task.status === "SUCCEEDED") return { status: "already-done" };
  if (task.status === "CANCELLED" || !isFulfilling(task.request.status)) {
    throw new AppError("CONFLICT", "The request of this task was withdrawn or closed; the result is not kept.");
  }
  if (task.status !== "WAITING_CALLBACK") throw new AppError("CONFLICT", "This task is not waiting for a callback.");
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "The callback body is not valid JSON.");
  }
  const action = actionName[task.action];
  let result: ReturnType<typeof parseCallbackResult>;
  try {
    result = parseCallbackResult(action, json);
  } catch (error) {
    throw new AppError("BAD_REQUEST", error instanceof Error ? error.message : "The callback body does not match the protocol.");
  }
  const answer: LaterAnswer =
    action === "access" || action === "portability"
      ? {
          state: "done",
          receipt: { via: "callback" },
          records: (async function* () {
            for (const record of result as Array<{ category: string; fields: Record<string, unknown> }>) {
              yield { source: task.connector.key, category: record.category, fields: record.fields };
            }
          })(),
        }
      : { state: "done", receipt: { ...(result as object), via: "callback" } };
  if ((await settleWaitingTask(taskId, answer)) === "lost") return lostTo(taskId);
  await wakeTaskJob(taskId, task.connector.key);
  return { status: "accepted" };
}

/** Another callback for the task got there first, or the task was cancelled or failed meanwhile. */
async function lostTo(taskId: string): Promise<{ status: "already-done" }> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, select: { status: true } });
  if (task?.status === "SUCCEEDED") return { status: "already-done" };
  if (task?.status === "CANCELLED") {
    throw new AppError("CONFLICT", "The request of this task was withdrawn or closed; the result is not kept.");
  }
  throw new AppError("CONFLICT", "Another callback for this task is being received, or the task is no longer waiting for one.");
}

type CallbackTask = {
  id: string;
  requestId: string;
  action: keyof typeof actionName;
  status: string;
  connector: { type: string; key: string; configEncrypted: string };
  request: { status: Parameters<typeof isFulfilling>[0] };
};

/**
 * A callback for a type that checks its own (readCallback: opendsr's certificate signatures). A
 * refused one is audited (the reason, never the body) and changes nothing.
 */
async function receiveTypedCallback(
  task: CallbackTask,
  rawBody: string,
  headers: Headers,
): Promise<{ status: "accepted" | "already-done" }> {
  const type = connectorType(task.connector.type);
  if (!type.readCallback) throw new AppError("UNAUTHORIZED", "Invalid callback signature.");
  const config = type.configSchema.parse(openConnectorConfig(task.connector.configEncrypted));
  const context = { taskId: task.id, requestId: task.requestId, reference: "", action: actionName[task.action] };
  const reading = type.readCallback(config, rawBody, headers, context);
  if (!reading.ok) {
    await db().$transaction((tx: Tx) =>
      appendAuditEvent(tx, {
        requestId: task.requestId,
        actor: { type: "SYSTEM" },
        action: "connector.callback-refused",
        data: { taskId: task.id, connector: task.connector.key, reason: reading.reason },
      }),
    );
    throw new AppError("UNAUTHORIZED", "Invalid callback signature.");
  }
  if (task.status === "SUCCEEDED") return { status: "already-done" };
  if (task.status === "CANCELLED" || !isFulfilling(task.request.status)) {
    throw new AppError("CONFLICT", "The request of this task was withdrawn or closed; the result is not kept.");
  }
  if (task.status !== "WAITING_CALLBACK") throw new AppError("CONFLICT", "This task is not waiting for a callback.");
  const settled = await settleWaitingTask(task.id, reading.answer);
  if (settled === "lost") return lostTo(task.id);
  if (settled !== "waiting") await wakeTaskJob(task.id, task.connector.key);
  return { status: "accepted" };
}
