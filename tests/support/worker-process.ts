// The workers in a process of their own (`npm run workers`), which a fault test can signal or kill,
// and whose output it can read.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export type WorkerProcess = { child: ChildProcess; output: string[] };

/**
 * Resolves once the process says "workers started". The wait is long because it ends as soon as they
 * have: compiling and loading the workers takes seconds on a quiet machine, over a minute on a loaded
 * one. A process that does not start is killed, never left behind.
 */
export async function startWorkerProcess(env: NodeJS.ProcessEnv = process.env, timeoutMs = 180_000): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/index.ts"], {
    cwd: repoRoot,
    env: { ...env, LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const started: WorkerProcess = { child, output: [] };
  const keep = (chunk: Buffer) => started.output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const deadline = Date.now() + timeoutMs;
  while (!started.output.some((line) => line.includes('"msg":"workers started"'))) {
    if (child.exitCode !== null) throw new Error(`the worker process exited:\n${started.output.join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the worker process did not start within ${timeoutMs / 1000} s:\n${started.output.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return started;
}

/** Sends `signal` and waits for the exit (SIGKILL after `graceMs`); returns how it ended. */
export async function stopWorkerProcess({ child }: WorkerProcess, signal: NodeJS.Signals, graceMs = 30_000) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }
  return { code: child.exitCode, signal: child.signalCode };
}
