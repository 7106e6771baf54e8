import { afterEach, describe, expect, it, vi } from "vitest";
import { inOneRateLimitWindow } from "./rate-limit-window.test-support.ts";

afterEach(() => {
  vi.useRealTimers();
});

describe("inOneRateLimitWindow", () => {
  it("runs the series again, with fresh subjects, when the first one straddled the end of a window", async () => {
    // Starts 1 s before the top of the hour; each series takes 2 s of (fake) time.
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-10T09:59:59Z") });
    const windows: string[] = [];
    const result = await inOneRateLimitWindow(3600, async () => {
      const start = new Date().toISOString();
      vi.setSystemTime(Date.now() + 2000);
      windows.push(`${start} → ${new Date().toISOString()}`);
      return windows.length;
    });
    expect(windows).toEqual(["2026-06-10T09:59:59.000Z → 2026-06-10T10:00:01.000Z", "2026-06-10T10:00:01.000Z → 2026-06-10T10:00:03.000Z"]);
    expect(result).toBe(2);
  });

  it("runs once when the series fits in its window", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-10T10:00:00Z") });
    let runs = 0;
    expect(await inOneRateLimitWindow(900, async () => ++runs)).toBe(1);
  });
});
