// Runs an operator command (npm run admin -- …) against the running test stack.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { e2eStateFile } from "./ports.ts";

export function runAdmin(args: string[], extraEnv: Record<string, string> = {}): string {
  const { env } = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { env: Record<string, string> };
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env, NODE_ENV: "test", ...extraEnv } as NodeJS.ProcessEnv,
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`admin ${args[0]} failed (${result.status}):\n${output}`);
  return output;
}
