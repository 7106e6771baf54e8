// The demo's terminal shows the web app's and the workers' logs as lines a person reads
// ("10:42:07 workers  info  job done  queue=fulfilment") instead of pino's JSON. Anything that is not
// a pino line (Next.js's own messages) passes unchanged. Production keeps the JSON.
const levels: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const skipped = new Set(["level", "time", "msg", "pid", "hostname", "service", "v"]);

export function prettyLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry.level !== "number" || entry.time === undefined) return line;
  const time = new Date(entry.time as number | string);
  const clock = Number.isNaN(time.getTime()) ? "--:--:--" : time.toTimeString().slice(0, 8);
  const service = String(entry.service ?? "").padEnd(7);
  const level = (levels[entry.level] ?? String(entry.level)).padEnd(5);
  const fields = Object.entries(entry)
    .filter(([key]) => !skipped.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return [clock, service, level, String(entry.msg ?? ""), ...fields].filter(Boolean).join("  ");
}
