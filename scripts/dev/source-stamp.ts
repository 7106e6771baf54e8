// A fingerprint of everything the web build depends on, so the demo rebuilds only after a change.
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const inputs = ["app", "lib", "emails", "messages", "global.d.ts", "next.config.ts", "proxy.ts", "package-lock.json", "tsconfig.json"];

export function sourceStamp(root: string): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else {
      // Paths relative to the checkout: a copy made with its times kept reuses the build.
      hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const input of inputs) visit(join(root, input));
  return hash.digest("hex");
}

/** `tsx scripts/dev/source-stamp.ts --write`: records the stamp of the build just made. */
if (process.argv[1]?.endsWith("source-stamp.ts") && process.argv.includes("--write")) {
  const { writeFileSync } = await import("node:fs");
  const root = new URL("../..", import.meta.url).pathname;
  writeFileSync(join(root, ".next", "demo-source-stamp"), sourceStamp(root));
}
