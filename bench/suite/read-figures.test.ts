import { describe, expect, it } from "vitest";
import { benchDefinitions } from "./definitions.ts";
import { readFigures } from "./read-figures.ts";

const legacyOf = (id: string) => benchDefinitions.find((definition) => definition.id === id)?.legacy;

describe("reading what a benchmark printed", () => {
  it("takes `name: value unit` lines, and leaves sentences, baselines and tables alone", () => {
    const figures = readFigures([
      "intake calls/s: 1,212.4 calls/s",
      "  dashboard default (open, earliest due) p95: 3.21 ms",
      "dashboard jurisdiction US_CA + in progress p95: 4.5 ms",
      "zip floor 50 MB: 15.3 MB/s",
      "Baseline: 23 calls/s beside a floor of 614",
      "ratio app/floor: 0.04",
      "| floor | 10 | 20 |",
    ]);
    expect([...figures]).toEqual([
      ["intake calls/s", 1212.4],
      ["dashboard default (open, earliest due) p95", 3.21],
      ["dashboard jurisdiction US_CA + in progress p95", 4.5],
      ["zip floor 50 MB", 15.3],
    ]);
  });

  it("reads each benchmark's own lines where it does not print the format yet, the format winning", () => {
    const fulfilment = readFigures(
      [
        "Portal: 98/100 access requests COMPLETED in 10.0 s → 9.8 requests/s (29.4 connector tasks/s)",
        "Empty BullMQ flows: 100/100 flows (400 jobs: 3 children + 1 parent each) in 0.5 s → 200.0 flows/s, 800 jobs/s",
        "floor flows/s: 210 flows/s",
      ],
      legacyOf("fulfilment-access"),
    );
    expect(Object.fromEntries(fulfilment)).toEqual({ "fulfilment requests/s": 9.8, "fulfilment completed": 98, "floor flows/s": 210 });
    const audit = readFigures(["| 0 ms | 8 | 444 | 2890 | 0.15 |", "| 2 ms | 1 | 211 | 291 | 0.73 |"], legacyOf("audit-log"));
    expect(audit.get("audit 0 ms 8 writers appends/s")).toBe(444);
    expect(audit.get("floor 0 ms 8 writers inserts/s")).toBe(2890);
    expect(audit.get("audit 2 ms 1 writers appends/s")).toBe(211);
    const intake = readFigures(["| POST /api/v1/requests | 700 | 23 | 7600 | 14200 | 0 | 202×700 |"], legacyOf("intake-16"));
    expect(Object.fromEntries(intake)).toMatchObject({ "intake calls/s": 23, "intake p99": 14200 });
    const pkg = readFigures(
      ["  50 MB: 96,154 records, 50 MB JSON + 20 MB CSV", "    4.4 s, 11.3 MB/s of record JSON (generating the records alone takes 1.0 s)"],
      legacyOf("fulfilment-package"),
    );
    expect(pkg.get("package 50 MB MB/s")).toBe(11.3);
    const deadlines = readFigures(["  1,234,567 ops/s, 0.81 µs per op"], legacyOf("deadlines"));
    expect(deadlines.get("deadlines ops/s")).toBe(1234567);
    const evidence = readFigures(
      ["  build (to a file)  1.2 s  (8,334 events/s)", "  verify             0.4 s  (25,000 events/s)"],
      legacyOf("evidence"),
    );
    expect(Object.fromEntries(evidence)).toEqual({ "evidence build events/s": 8334, "evidence verify events/s": 25000 });
  });
});
