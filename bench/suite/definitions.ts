// The benchmarks the suite runs (bench/run-all.ts): the commands (full and --quick sizes), the
// figures each row of RESULTS.md shows beside its floor and target, and, for a benchmark that does
// not print `name: value unit` lines yet, a reader of the lines it prints today.
import { type LegacyReader, number } from "./read-figures.ts";

export type BenchRow = { label: string; value: string; floor?: string; unit: string; target?: string };

export type BenchDefinition = {
  id: string;
  /** Commands run one after the other (`npx tsx …`), their output read together. */
  commands(quick: boolean): string[][];
  rows: BenchRow[];
  /** The figure counting the work done, for CPU per unit. */
  work?: { figure: string; unit: string };
  legacy?: LegacyReader;
};

function* matches(lines: string[], pattern: RegExp, name: (match: RegExpExecArray) => Array<[string, number]>) {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) yield* name(match);
  }
}

/** bench/fulfilment/run.ts: "Portal: 98/100 … → 9.8 requests/s", "Empty BullMQ flows: … → 200.0 flows/s". */
const fulfilmentLines: LegacyReader = function* (lines) {
  yield* matches(lines, /^Portal: (\d+)\/\d+ .*→ ([\d.,]+) requests\/s/, (m) => [
    ["fulfilment requests/s", number(m[2])],
    ["fulfilment completed", number(m[1])],
  ]);
  yield* matches(lines, /^Empty BullMQ flows: .*→ ([\d.,]+) flows\/s/, (m) => [["floor flows/s", number(m[1])]]);
};

function fulfilment(type: "access" | "erasure"): BenchDefinition {
  return {
    id: `fulfilment-${type}`,
    commands: (quick) => [["bench/fulfilment/run.ts", "--requests", quick ? "100" : "1000", "--type", type]],
    rows: [
      {
        label: `${type} requests completed per second (floor: empty BullMQ flows of 3 children)`,
        value: "fulfilment requests/s",
        floor: "floor flows/s",
        unit: "/s",
      },
    ],
    work: { figure: "fulfilment completed", unit: "request" },
    legacy: fulfilmentLines,
  };
}

/** bench/intake/run.ts's table: `| POST /api/v1/requests | calls | calls/s | p50 | p99 | errors | answers |`. */
const intakeLines: LegacyReader = function* (lines) {
  yield* matches(
    lines,
    /^\| (floor: bare HTTP \+ one INSERT|POST \/api\/v1\/requests) \| (\d+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|/,
    (m) => {
      const name = m[1].startsWith("floor") ? "floor" : "intake";
      return [
        [`${name} calls/s`, number(m[3])],
        [`${name} p50`, number(m[4])],
        [`${name} p99`, number(m[5])],
        [`${name} errors`, number(m[6])],
      ];
    },
  );
};

/** bench/audit-log/run.ts's table: `| 0 ms | 8 | 444 | 2890 | 0.15 |`. */
const auditLines: LegacyReader = function* (lines) {
  yield* matches(lines, /^\| (\d+) ms \| (\d+) \| ([\d.]+) \| ([\d.]+) \|/, (m) => [
    [`audit ${m[1]} ms ${m[2]} writers appends/s`, number(m[3])],
    [`floor ${m[1]} ms ${m[2]} writers inserts/s`, number(m[4])],
  ]);
};

/** bench/fulfilment-package/run.ts: "  50 MB: … records" then "    4.4 s, 11.3 MB/s of record JSON". */
const packageLines: LegacyReader = function* (lines) {
  let size: string | null = null;
  for (const line of lines) {
    const heading = /^\s+(\d+) MB: [\d,]+ records/.exec(line);
    if (heading) size = heading[1];
    const rate = /^\s+[\d.]+ s, ([\d.]+) MB\/s of record JSON/.exec(line);
    if (rate && size) yield [`package ${size} MB MB/s`, number(rate[1])];
  }
};

const DASHBOARD_VIEWS = [
  "default (open, earliest due)",
  "default, second page (next)",
  "default, halfway (cursor)",
  "default, last page",
  "default, page before the last (previous)",
  "jurisdiction US_CA + in progress",
  "jurisdiction US_CA + in progress, last page",
  "assignee = mine",
  "assignee = mine, last page",
  "search email prefix 'claire.mar'",
  "search email prefix 'claire.mar', last page",
  "due within 7 days",
  "all statuses, newest received",
  "all statuses, newest received, last page",
  "counts at the top",
];

export const benchDefinitions: BenchDefinition[] = [
  fulfilment("access"),
  fulfilment("erasure"),
  {
    id: "intake-16",
    commands: (quick) => [["bench/intake/run.ts", "--clients", "16", "--seconds", quick ? "8" : "30"]],
    rows: [
      {
        label: "filings per second, 16 in flight (floor: bare Node server, one INSERT)",
        value: "intake calls/s",
        floor: "floor calls/s",
        unit: "/s",
        target: "≥ 200/s",
      },
      { label: "server CPU per filing, 16 in flight", value: "intake cpu per call", floor: "floor cpu per call", unit: "ms" },
    ],
    legacy: intakeLines,
  },
  {
    id: "intake-50",
    commands: (quick) => [["bench/intake/run.ts", "--rate", "50", "--seconds", quick ? "8" : "30"]],
    rows: [
      { label: "p99 latency at 50 filings/s offered", value: "intake p99", floor: "floor p99", unit: "ms", target: "≤ 25 ms" },
      { label: "p50 latency at 50 filings/s offered", value: "intake p50", floor: "floor p50", unit: "ms" },
    ],
    legacy: intakeLines,
  },
  {
    id: "audit-log",
    commands: (quick) => [["bench/audit-log/run.ts", "--events", quick ? "300" : "2000"]],
    rows: [1, 4, 8].flatMap((writers) =>
      [0, 2].map((work) => ({
        label: `chained appends/s, ${writers} writers, ${work} ms other work (floor: unchained inserts)`,
        value: `audit ${work} ms ${writers} writers appends/s`,
        floor: `floor ${work} ms ${writers} writers inserts/s`,
        unit: "/s",
      })),
    ),
    legacy: auditLines,
  },
  {
    id: "fulfilment-package",
    commands: () => [
      ["bench/fulfilment-package/run.ts"],
      ["bench/fulfilment-package/zip-floor.ts", "--mb", "50"],
      ["bench/fulfilment-package/zip-floor.ts", "--mb", "200"],
    ],
    rows: [50, 200].map((size) => ({
      label: `package of ${size} MB of records, MB/s of record JSON (floor: zip -6 of the same JSON)`,
      value: `package ${size} MB MB/s`,
      floor: `zip floor ${size} MB`,
      unit: "MB/s",
    })),
    legacy: packageLines,
  },
  {
    id: "dashboard",
    commands: (quick) => [
      ["bench/dashboard/run.ts", "--requests", quick ? "50000" : "1000000", "--runs", quick ? "30" : "200", "--skip-reminders"],
    ],
    rows: DASHBOARD_VIEWS.map((view) => ({
      label: `${view}, p95 (floor: the same SQL through pg)`,
      value: `dashboard ${view} p95`,
      floor: `floor ${view} p95`,
      unit: "ms",
      target: "< 20 ms",
    })),
  },
  {
    id: "deadlines",
    commands: () => [["bench/deadlines/run.ts"]],
    rows: [{ label: "computeDeadline per second (no floor: pure computation)", value: "deadlines ops/s", unit: "/s" }],
    legacy: (lines) => matches(lines, /^\s+([\d,]+) ops\/s, /, (m) => [["deadlines ops/s", number(m[1])]]),
  },
  {
    id: "evidence",
    commands: (quick) => [["bench/evidence/run.ts", "--events", quick ? "2000" : "10000"]],
    rows: [
      { label: "evidence bundle built, events/s", value: "evidence build events/s", unit: "/s" },
      { label: "evidence bundle verified, events/s", value: "evidence verify events/s", unit: "/s" },
    ],
    legacy: function* (lines) {
      yield* matches(lines, /^\s+(build|verify)\b.*\(([\d,]+) events\/s\)/, (m) => [[`evidence ${m[1]} events/s`, number(m[2])]]);
    },
  },
];
