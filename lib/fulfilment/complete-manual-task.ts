// A staff member completes a manual task (a paper archive, a vendor reached by email) with a
// note saying what was done; the request's flow then goes on by itself.
import { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { completeTask } from "./run-connector-task.ts";
import { wakeTaskJob } from "./wake-task-job.ts";

export const completeManualTaskSchema = z.object({
  note: z.string().trim().min(5, "Say what was done (at least 5 characters).").max(5000),
  /** For erasure: rows or records removed, when known. */
  erased: z.number().int().min(0).optional(),
});

export async function completeManualTask(taskId: string, input: z.input<typeof completeManualTaskSchema>, actor: Actor) {
  const { note, erased } = completeManualTaskSchema.parse(input);
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true } });
  if (task?.connector.type !== "manual") throw new AppError("NOT_FOUND", `No manual task ${taskId}.`);
  if (task.status === "SUCCEEDED") throw new AppError("INVALID_STATE", "This task is already completed.");
  if (task.status !== "AWAITING_STAFF")
    throw new AppError("INVALID_STATE", "This task is not waiting for staff yet; try again in a moment.");
  await db().connectorTask.update({ where: { id: taskId }, data: { note } });
  const receipt =
    task.action === "ERASURE"
      ? { affected: erased ?? 0, details: [{ category: task.connector.name, strategy: "delete", rows: erased ?? 0 }], manual: true }
      : task.action === "RECTIFICATION"
        ? { applied: [], unmapped: [], manual: true }
        : { records: 0, categories: {}, manual: true };
  await completeTask(taskId, receipt, {}, actor.type === "STAFF" ? (actor.id ?? undefined) : undefined);
  await wakeTaskJob(taskId, task.connector.key);
}
