// An http connector's system calls back with the result of a task it answered 202 to. The call
// is signed with the connector's secret (same scheme as the portal's own calls) and may arrive
// once per task: a repeated callback for a finished task changes nothing.
import { openConnectorConfig } from "../connectors/connector-config.ts";
import { type HttpConfig, httpConfigSchema, parseCallbackResult, verifySignature } from "../connectors/http/index.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { completeTask } from "./run-connector-task.ts";
import { writeStagingFile } from "./staging-file.ts";
import { wakeTaskJob } from "./wake-task-job.ts";

const actionName = { ACCESS: "access", PORTABILITY: "portability", ERASURE: "erasure", RECTIFICATION: "rectification" } as const;

export async function receiveConnectorCallback(
  taskId: string,
  rawBody: string,
  headers: Headers,
): Promise<{ status: "accepted" | "already-done" }> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true } });
  // The same answer for an unknown task and a wrong signature: nothing to learn by probing.
  if (task?.connector.type !== "http") throw new AppError("UNAUTHORIZED", "Invalid callback signature.");
  const config: HttpConfig = httpConfigSchema.parse(openConnectorConfig(task.connector.configEncrypted));
  const verified = verifySignature({
    secret: config.secret,
    rawBody,
    timestampHeader: headers.get("x-dsar-timestamp"),
    signatureHeader: headers.get("x-dsar-signature"),
  });
  if (!verified.ok) throw new AppError("UNAUTHORIZED", `Invalid callback signature (${verified.reason}).`);
  if (task.status === "SUCCEEDED") return { status: "already-done" };
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
  if (action === "access" || action === "portability") {
    const records = result as Array<{ category: string; fields: Record<string, unknown> }>;
    const written = await writeStagingFile(
      taskId,
      (async function* () {
        for (const record of records) yield { source: task.connector.key, category: record.category, fields: record.fields };
      })(),
    );
    await completeTask(
      taskId,
      { records: written.total, categories: written.categories, via: "callback" },
      { resultPath: written.path, resultKeyWrapped: written.keyWrapped },
    );
  } else {
    await completeTask(taskId, { ...(result as object), via: "callback" });
  }
  await wakeTaskJob(taskId, task.connector.key);
  return { status: "accepted" };
}
