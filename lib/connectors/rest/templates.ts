// The templates shipped for common tools (templates/*.yaml): the `config:` of a rest connector,
// with comments, offered by the staff form and read by the tests that run each one.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** `title` is the tool's name as its first comment line gives it ("# Zendesk Support: …"). */
export type RestTemplate = { name: string; title: string; text: string };

const folder = join(process.cwd(), "lib", "connectors", "rest", "templates");

export function restTemplates(): RestTemplate[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".yaml"))
    .sort()
    .map((file) => {
      const text = readFileSync(join(folder, file), "utf8");
      const name = file.replace(/\.yaml$/, "");
      return { name, title: text.match(/^# ([^:\n]+):/)?.[1] ?? name, text };
    });
}
