// Runs the demo's embedded PostgreSQL in a process of its own, in its own process group, so a
// Ctrl-C in the terminal reaches the web app and the workers first and the database is stopped
// last, by the demo, once they are done. Stops by itself if the demo that started it dies.
//
//   node --import tsx scripts/dev/embedded-database-server.ts   (options in DEMO_DB_* variables)
import { startEmbeddedDatabase } from "./embedded-database.ts";

const parentPid = process.ppid;
const options = {
  dataDir: process.env.DEMO_DB_DIR as string,
  port: Number(process.env.DEMO_DB_PORT),
  password: process.env.DEMO_DB_PASSWORD as string,
  database: process.env.DEMO_DB_NAME ?? "dsar",
  log: (line: string) => process.stderr.write(`[demo] ${line}\n`),
};
if (!options.dataDir || !options.port || !options.password) {
  process.stderr.write("embedded-database-server: DEMO_DB_DIR, DEMO_DB_PORT and DEMO_DB_PASSWORD are required\n");
  process.exit(2);
}

function parentAlive(): boolean {
  try {
    process.kill(parentPid, 0);
    return process.ppid === parentPid;
  } catch {
    return false;
  }
}

try {
  const database = await startEmbeddedDatabase(options);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  setInterval(() => {
    if (!parentAlive()) void stop();
  }, 1000);
  process.stdout.write(`${JSON.stringify({ ready: true, url: database.url, dataDir: database.dataDir })}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
