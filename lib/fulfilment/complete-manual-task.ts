// A staff member completes a manual task (a paper archive, a vendor reached by email) with a
// note saying what was done; the request's flow then goes on by itself. Refused unless the request
// is approved or in progress. An uploaded file goes to a path of its own, claimed on the task
// before it is written, and the completion is conditional on that claim: a double-clicked upload
// completes once (the other click gets a CONFLICT and its file is removed), and a withdrawal or
// close meanwhile wins.
import { rm } from "node:fs/promises";
import { z } from "zod";
import { sha256Hex } from "../crypto.ts";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "../evidence/append-audit-event.ts";
import { isFulfilling } from "../requests/request-status.ts";
import { completeTask } from "./run-connector-task.ts";
import { newUploadPath, writeUploadedFile } from "./staging-file.ts";
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
  const task = await db().connectorTask.findUnique({
    where: { id: taskId },
    include: { connector: true, request: { select: { status: true, reference: true } } },
  });
  if (task?.connector.type !== "manual") throw new AppError("NOT_FOUND", `No manual task ${taskId}.`);
  if (task.status === "SUCCEEDED") throw new AppError("INVALID_STATE", "This task is already completed.");
  if (task.status === "CANCELLED" || !isFulfilling(task.request.status)) {
    throw new AppError(
      "INVALID_STATE",
      `Request ${task.request.reference} is ${task.request.status.toLowerCase()}: its tasks can no longer be completed.`,
    );
  }
  if (task.status !== "AWAITING_STAFF")
    throw new AppError("INVALID_STATE", "This task is not waiting for staff yet; try again in a moment.");
  if (file && task.action !== "ACCESS" && task.action !== "PORTABILITY") {
    throw new AppError("BAD_REQUEST", "A file can only be attached to an access or portability task.");
  }
  const completedById = actor.type === "STAFF" ? (actor.id ?? undefined) : undefined;
  if (file) {
    const path = newUploadPath(taskId);
    const claimed = await db().connectorTask.updateMany({
      where: { id: taskId, status: "AWAITING_STAFF", resultPath: null },
      data: { resultPath: path },
    });
    if (claimed.count === 0) return lostTo(taskId);
    let stored: Awaited<ReturnType<typeof writeUploadedFile>>;
    try {
      stored = await writeUploadedFile(path, file.content);
    } catch (error) {
      await db().connectorTask.updateMany({ where: { id: taskId, resultPath: path }, data: { resultPath: null } });
      await rm(path, { force: true });
      throw error;
    }
    const receipt = {
      records: 0,
      categories: {},
      files: [{ name: file.name, bytes: file.content.length, sha256: sha256Hex(file.content) }],
      manual: true,
    };
    const completed = await completeTask(taskId, receipt, {
      expect: { status: "AWAITING_STAFF", resultPath: path },
      staging: { resultPath: stored.path, resultKeyWrapped: stored.keyWrapped },
      completedById,
      note,
    });
    if (!completed) {
      await rm(path, { force: true });
      return lostTo(taskId);
    }
    await wakeTaskJob(taskId, task.connector.key);
    return;
  }
  const receipt =
    task.action === "ERASURE"
      ? { affected: erased ?? 0, details: [{ category: task.connector.name, strategy: "delete", rows: erased ?? 0 }], manual: true }
      : task.action === "RECTIFICATION"
        ? { applied: [], unmapped: [], manual: true }
        : { records: 0, categories: {}, manual: true };
  const completed = await completeTask(taskId, receipt, {
    expect: { status: "AWAITING_STAFF", resultPath: null },
    completedById,
    note,
  });
  if (!completed) return lostTo(taskId);
  await wakeTaskJob(taskId, task.connector.key);
}

/** Another completion (a second click) got there first, or the request was closed meanwhile. */
async function lostTo(taskId: string): Promise<never> {
  const task = await db().connectorTask.findUnique({ where: { id: taskId }, select: { status: true } });
  if (task?.status === "SUCCEEDED")
    throw new AppError("CONFLICT", "This task was completed meanwhile (by another click or another person).");
  if (task?.status === "CANCELLED") throw new AppError("CONFLICT", "The request was withdrawn or closed meanwhile; nothing was kept.");
  throw new AppError("CONFLICT", "This task is being completed by someone else; reload the page.");
}
