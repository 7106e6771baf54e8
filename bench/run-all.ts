/**
 * Every benchmark of bench/ in one run, each beside its floor measured in the same run, three times
 * (the median is reported), and a table in bench/RESULTS.md: figure, today's value, floor, ratio,
 * target, CPU per unit of work, load average, date, machine. Benchmarks print, never assert; so does
 * this. Each benchmark runs as a child process (`npx tsx bench/<x>/run.ts …`) and its output is read
 * through the line format of bench/README.md (`name: value unit`), with a reader per benchmark for
 * the lines it printed before that format (its table or sentence), so either works.
 *
 *   npm run bench [-- --quick] [--runs 3] [--only intake,dashboard] [--out bench/RESULTS.md]
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type BenchDefinition, benchDefinitions } from "./suite/definitions.ts";
import { readFigures } from "./suite/read-figures.ts";

const { values: cli } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    only: { type: "string" },
    out: { type: "string", default: "bench/RESULTS.md" },
  },
});
const RUNS = Number(cli.runs);
const root = fileURLToPath(new URL("../", import.meta.url));

/** CPU seconds of this process's finished children (and theirs), from /proc (Linux). */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    // After "pid (comm) ", field 14 (cutime) and 15 (cstime) of proc(5) are at 13 and 14 here.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

type RunResult = { figures: Map<string, number>; cpuSeconds: number; load: number; seconds: number; exit: number | null };

async function runOnce(definition: BenchDefinition, commands: string[][]): Promise<RunResult> {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const output: string[] = [];
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 5_000);
  let exit: number | null = 0;
  for (const args of commands) {
    const code = await runCommand(definition, args, output);
    if (code !== 0) exit = code;
  }
  clearInterval(sampler);
  loads.push(loadavg()[0]);
  return {
    figures: readFigures(output, definition.legacy),
    cpuSeconds: childrenCpuSeconds() - cpuBefore,
    load: loads.reduce((sum, value) => sum + value, 0) / loads.length,
    seconds: (performance.now() - started) / 1000,
    exit,
  };
}

async function runCommand(definition: BenchDefinition, args: string[], output: string[]): Promise<number | null> {
  const child = spawn("npx", ["tsx", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let partial = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const text = partial + chunk.toString("utf8");
    const lines = text.split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      output.push(line);
      process.stdout.write(`    ${definition.id} | ${line}\n`);
    }
  });
  child.stderr.on("data", (chunk: Buffer) => process.stderr.write(`    ${definition.id} ! ${chunk.toString("utf8")}`));
  const exit = await new Promise<number | null>((resolve) => child.once("close", resolve));
  if (partial) output.push(partial);
  return exit;
}

const median = (values: number[]) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const format = (value: number, unit: string) => {
  if (!Number.isFinite(value)) return "—";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};

const only = cli.only ? new Set(cli.only.split(",")) : null;
const selected = benchDefinitions.filter((definition) => !only || only.has(definition.id));
const mode = cli.quick ? "quick" : "full";
const startedAt = new Date();
const lines: string[] = [];

console.log(`Benchmark suite (${mode}), ${RUNS} runs each: ${selected.map((definition) => definition.id).join(", ")}`);
for (const definition of selected) {
  const args = definition.commands(cli.quick);
  console.log(`\n== ${definition.id}: ${args.map((command) => `npx tsx ${command.join(" ")}`).join("; ")}`);
  const runs: RunResult[] = [];
  for (let run = 1; run <= RUNS; run++) {
    console.log(`  run ${run}/${RUNS}`);
    runs.push(await runOnce(definition, args));
  }
  const failed = runs.filter((run) => run.exit !== 0).length;
  const load = median(runs.map((run) => run.load));
  const work = median(runs.map((run) => (definition.work ? (run.figures.get(definition.work.figure) ?? Number.NaN) : Number.NaN)));
  const cpu = median(runs.map((run) => run.cpuSeconds));
  const cpuPerUnit = definition.work && work > 0 ? `${((cpu * 1000) / work).toFixed(2)} ms per ${definition.work.unit}` : "—";
  for (const row of definition.rows) {
    const value = median(runs.map((run) => run.figures.get(row.value) ?? Number.NaN));
    const floor = row.floor ? median(runs.map((run) => run.figures.get(row.floor as string) ?? Number.NaN)) : Number.NaN;
    const ratio = Number.isFinite(value) && Number.isFinite(floor) && floor !== 0 ? `×${(value / floor).toFixed(2)}` : "—";
    lines.push(
      `| ${definition.id} | ${row.label} | ${format(value, row.unit)} | ${format(floor, row.unit)} | ${ratio} | ${row.target ?? "—"} | ${cpuPerUnit} | ${load.toFixed(1)} |`,
    );
  }
  if (failed > 0) lines.push(`| ${definition.id} | (${failed} of ${RUNS} runs exited with an error: see the console) | | | | | | |`);
  console.log(`  ${definition.id}: ${runs.map((run) => `${run.seconds.toFixed(0)} s`).join(", ")}; load average ${load.toFixed(1)}`);
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
const report = `# Benchmark results

Written by \`npm run bench${cli.quick ? " -- --quick" : ""}\` (bench/run-all.ts); the line format and how to add a benchmark are in
bench/README.md. **${cli.quick ? "A quick run: small sizes, a smoke test of the suite, not figures to plan with." : "A full run."}**

- Date: ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC (${((Date.now() - startedAt.getTime()) / 60_000).toFixed(0)} minutes)
- Machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.versions.node}; PostgreSQL and Redis on the same machine
- Each figure is the median of ${RUNS} runs; the floor is measured in the same run. Ratio = today / floor.
- CPU per unit: CPU time of the benchmark's Node processes (not PostgreSQL's or Redis's) over the work its runs did.
- Load average: the 1-minute load average during the benchmark's runs (sampled every 5 s, median of the runs).
  On a machine shared with other work it is well above the core count, and every figure is slower for it.

| benchmark | figure | today | floor | ratio | target | CPU per unit | load average |
| --------- | ------ | ----- | ----- | ----- | ------ | ------------ | ------------ |
${lines.join("\n")}
`;
writeFileSync(new URL(`../${cli.out}`, import.meta.url), report);
console.log(`\n${report}`);
