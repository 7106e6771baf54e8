// Generates the Prisma client offline. `prisma generate` only checks that a schema-engine
// binary exists (it cannot be downloaded here), so point it at a file that does.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const prismaBin = `${root}node_modules/.bin/prisma`;
if (!existsSync(prismaBin)) {
  console.error("prisma is not installed: run `npm install` first.");
  process.exit(1);
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(prismaBin, ["generate"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
if (result.status !== 0) {
  process.stderr.write(result.stdout);
  process.stderr.write(result.stderr);
  console.error("prisma generate failed");
  process.exit(result.status ?? 1);
}
console.log("Prisma client generated in lib/generated/prisma");
