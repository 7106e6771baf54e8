// A task waiting for a callback hears how it stands: from a callback its connector type read, or
// from asking the source (poll). Done: its receipt (and any access records, staged like other
// access results) is recorded; failed: the task fails with the source's reason; waiting: nothing
// changes. Every change is conditional on the task still waiting, so a withdrawal meanwhile wins.
import { rm } from "node:fs/promises";
import type { LaterAnswer } from "../connectors/connector.ts";
import { db } from "../db.ts";
import { completeTask } from "./run-connector-task.ts";
import { newStagingPath, writeStagingFile } from "./staging-file.ts";

export type Settled = "done" | "failed" | "waiting" | "lost";

export async function settleWaitingTask(taskId: string, answer: LaterAnswer): Promise<Settled> {
  if (answer.state === "waiting") return "waiting";
  if (answer.state === "failed") {
    const moved = await db().connectorTask.updateMany({
      where: { id: taskId, status: "WAITING_CALLBACK" },
      data: { status: "FAILED", lastError: answer.message.slice(0, 1000), finishedAt: new Date(), callbackDeadline: null },
    });
    return moved.count === 1 ? "failed" : "lost";
  }
  if (!answer.records) {
    const completed = await completeTask(taskId, answer.receipt, { expect: { status: "WAITING_CALLBACK", resultPath: null } });
    return completed ? "done" : "lost";
  }
  // Claimed before writing, so two answers for one task never write into one file.
  const path = newStagingPath(taskId);
  const claimed = await db().connectorTask.updateMany({
    where: { id: taskId, status: "WAITING_CALLBACK", resultPath: null },
    data: { resultPath: path },
  });
  if (claimed.count === 0) return "lost";
  let written: Awaited<ReturnType<typeof writeStagingFile>>;
  try {
    written = await writeStagingFile(path, answer.records);
  } catch (error) {
    await db().connectorTask.updateMany({ where: { id: taskId, resultPath: path }, data: { resultPath: null } });
    await rm(path, { force: true });
    throw error;
  }
  const completed = await completeTask(
    taskId,
    { ...answer.receipt, records: written.total, categories: written.categories },
    { expect: { status: "WAITING_CALLBACK", resultPath: path }, staging: { resultPath: path, resultKeyWrapped: written.keyWrapped } },
  );
  if (!completed) await rm(path, { force: true });
  return completed ? "done" : "lost";
}
