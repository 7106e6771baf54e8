// A staff member completes a manual task (a paper archive, a vendor reached by email) with a
// note saying what was done; the request's flow then goes on by itself.
import { z } from "zod";
import { sha256Hex } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { completeTask } from "./run-connector-task.ts";
import { writeUploadedFile } from "./staging-file.ts";
import { wakeTaskJob } from "./wake-task-job.ts";

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const completeManualTaskSchema = z.object({
  note: z.string().trim().min(5, "Say what was done (at least 5 characters).").max(5000),
  /** For erasure: rows or records removed, when known. */
  erased: z.number().int().min(0).optional(),
  /** For access: the document found (a scan, an export), which goes into the person's package. */
  file: z
    .object({
      name: z.string().trim().min(1).max(200),
      content: z.instanceof(Buffer).refine((b) => b.length > 0 && b.length <= MAX_UPLOAD_BYTES, "The file must be 1 byte to 50 MB."),
    })
    .optional(),
});

export async function completeManualTask(taskId: string, input: z.input<typeof completeManualTaskSchema>, actor: Actor) {
  const { note, erased, file } = completeManualTaskSchema.parse(input);
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, include: { connector: true } });
  if (task?.connector.type !== "manual") throw new AppError("NOT_FOUND", `No manual task ${taskId}.`);
  if (task.status === "SUCCEEDED") throw new AppError("INVALID_STATE", "This task is already completed.");
  if (task.status !== "AWAITING_STAFF")
    throw new AppError("INVALID_STATE", "This task is not waiting for staff yet; try again in a moment.");
  if (file && task.action !== "ACCESS" && task.action !== "PORTABILITY") {
    throw new AppError("BAD_REQUEST", "A file can only be attached to an access or portability task.");
  }
  await db().connectorTask.update({ where: { id: taskId }, data: { note } });
  if (file) {
    const stored = await writeUploadedFile(taskId, file.content);
    const receipt = {
      records: 0,
      categories: {},
      files: [{ name: file.name, bytes: file.content.length, sha256: sha256Hex(file.content) }],
      manual: true,
    };
    await completeTask(
      taskId,
      receipt,
      { resultPath: stored.path, resultKeyWrapped: stored.keyWrapped },
      actor.type === "STAFF" ? (actor.id ?? undefined) : undefined,
    );
    await wakeTaskJob(taskId, task.connector.key);
    return;
  }
  const receipt =
    task.action === "ERASURE"
      ? { affected: erased ?? 0, details: [{ category: task.connector.name, strategy: "delete", rows: erased ?? 0 }], manual: true }
      : task.action === "RECTIFICATION"
        ? { applied: [], unmapped: [], manual: true }
        : { records: 0, categories: {}, manual: true };
  await completeTask(taskId, receipt, {}, actor.type === "STAFF" ? (actor.id ?? undefined) : undefined);
  await wakeTaskJob(taskId, task.connector.key);
}
