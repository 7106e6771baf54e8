// The workers of the fulfilment benchmark: in its own process (the default), or, with
// `--worker-processes N`, in N child processes on the same Redis and PostgreSQL, as `npm run workers`
// started N times would run them (each child is this file run as a script: startWorkers without the
// maintenance schedule, stopped by SIGTERM). The children inherit the benchmark's environment
// (database, queue prefix, storage folder, mail catcher).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

export type BenchWorkers = { stop(): Promise<void> };

export async function startBenchWorkers(processes: number): Promise<BenchWorkers> {
  if (!(processes >= 1)) {
    const { startWorkers } = await import("../../workers/index.ts");
    return startWorkers({ schedule: false });
  }
  const children = await Promise.all(Array.from({ length: processes }, () => startChild()));
  return {
    async stop() {
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null) return;
          const exited = once(child, "exit");
          child.kill("SIGTERM");
          await exited;
        }),
      );
    },
  };
}

async function startChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--child"], {
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("bench workers started")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`a worker process exited (${code}) before starting`)));
  });
  return child;
}

if (process.argv.includes("--child")) {
  const { startWorkers } = await import("../../workers/index.ts");
  const { stop } = await startWorkers({ schedule: false });
  process.stdout.write("bench workers started\n");
  process.once("SIGTERM", () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
