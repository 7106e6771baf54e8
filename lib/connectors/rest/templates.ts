// The templates shipped for common tools (templates/*.yaml): the `config:` of a rest connector,
// with comments, offered by the staff form and read by the tests that run each one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export type RestTemplate = { name: string; text: string };

const folder = join(process.cwd(), "lib", "connectors", "rest", "templates");

export function restTemplates(): RestTemplate[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => ({ name: file.replace(/\.yaml$/, ""), text: readFileSync(join(folder, file), "utf8") }));
}
