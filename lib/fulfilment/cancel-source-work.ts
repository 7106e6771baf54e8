// A withdrawn or closed request's task that a source was working on (an OpenDSR processor holding
// the request): the source is asked to stop, and what it answered is audited (ids and the outcome,
// nothing personal). Thrown errors (unreachable, 5xx) make the job try again with backoff.

import type { ConnectorContext } from "../connectors/connector.ts";
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { connectorType, isConnectorType } from "../connectors/registry.ts";
import { db, type Tx } from "../db.ts";
import { appendAuditEvent } from "../evidence/append-audit-event.ts";

export async function cancelSourceWork(taskId: string): Promise<"cancelled" | "refused" | "skipped"> {
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    include: { connector: true, request: { select: { reference: true } } },
  });
  if (task?.status !== "CANCELLED" || !isConnectorType(task.connector.type)) return "skipped";
  const type = connectorType(task.connector.type);
  if (!type.cancel) return "skipped";
  const config = type.configSchema.parse(openConnectorConfig(task.connector.configEncrypted));
  const outcome = await type.cancel(config, {
    taskId,
    requestId: task.requestId,
    reference: task.request.reference,
    action: task.action.toLowerCase() as ConnectorContext["action"],
  });
  await db().$transaction((tx: Tx) =>
    appendAuditEvent(tx, {
      requestId: task.requestId,
      actor: { type: "SYSTEM" },
      action: outcome === "cancelled" ? "connector.task-cancelled-at-source" : "connector.task-cancel-refused-by-source",
      data: { taskId, connector: task.connector.key, action: task.action },
    }),
  );
  return outcome;
}
