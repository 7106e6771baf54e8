// Runs the real workers in the test process for the duration of a test file.
import { afterAll, beforeAll } from "vitest";
import { startWorkers } from "../../workers/index.ts";

export function runWorkersDuringTests(): void {
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ stop } = await startWorkers({ schedule: false }));
  });
  afterAll(async () => {
    await stop?.();
  });
}
