// `npm run demo` on a fresh clone: checks Node, installs the dependencies when they are missing
// or stale, then hands over to scripts/demo.ts. Plain JavaScript: it runs before anything is installed.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(
    `The portal needs Node.js 20.19 or newer; this is ${process.version}. Install it from https://nodejs.org or with your package manager.`,
  );
  process.exit(1);
}

const marker = `${root}node_modules/.package-lock.json`;
const stale = !existsSync(marker) || statSync(`${root}package-lock.json`).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log("Installing dependencies (npm install)…");
  // Warnings are left out: one dependency of Prisma's CLI (@prisma/streams-local, a tool the
  // portal does not use) asks for Node.js 22 and npm would warn EBADENGINE on Node.js 20.
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: root, stdio: "inherit" });
  if (install.status !== 0) {
    console.error("npm install failed: see the messages above (network access to the npm registry is needed once).");
    process.exit(1);
  }
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
