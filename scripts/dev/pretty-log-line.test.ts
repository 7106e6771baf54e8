import { describe, expect, it } from "vitest";
import { prettyLogLine } from "./pretty-log-line.ts";

describe("the demo's log lines", () => {
  it("turns a pino line into one a person reads, with its fields", () => {
    const time = new Date(2026, 11, 7, 10, 42, 7).getTime();
    const line = JSON.stringify({
      level: 30,
      time,
      pid: 12,
      hostname: "h",
      service: "workers",
      msg: "job done",
      queue: "fulfilment",
      attempts: 2,
    });
    expect(prettyLogLine(line)).toBe("10:42:07  workers  info   job done  queue=fulfilment  attempts=2");
  });

  it("names the level of warnings and errors and shows nested values as JSON", () => {
    const line = JSON.stringify({ level: 50, time: 0, service: "web", msg: "failed", error: { type: "Error", message: "boom" } });
    expect(prettyLogLine(line)).toMatch(/^\d\d:\d\d:\d\d {2}web {6}error {2}failed {2}error=\{"type":"Error","message":"boom"\}$/);
  });

  it("passes other lines unchanged", () => {
    expect(prettyLogLine("▲ Next.js 16.4.6")).toBe("▲ Next.js 16.4.6");
    expect(prettyLogLine("{not json")).toBe("{not json");
    expect(prettyLogLine('{"a":1}')).toBe('{"a":1}');
  });
});
