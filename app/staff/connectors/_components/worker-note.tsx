// How changes reach the running workers (workers/connector-workers.ts re-reads the connectors
// table every 10 seconds and restarts a connector's worker when its limits changed).
export function WorkerNote() {
  return (
    <p className="hint">
      Concurrency and rate-limit changes reach the running workers within seconds, without a restart: each connector's worker is replaced
      once the tasks it is running finish. Attempts apply to tasks started after the change. A disabled connector gets no new tasks; tasks
      already queued for it still run.
    </p>
  );
}
