import { describe, expect, it } from "vitest";
import { lockMinutes } from "../auth/second-factor-attempts.ts";
import { signInDelaySeconds } from "./sign-in-throttle.ts";

describe("guessing delays", () => {
  it("a sign-in pair gets five free tries, then waits doubling from 10 seconds to at most 15 minutes", () => {
    expect(Array.from({ length: 14 }, (_, i) => signInDelaySeconds(i + 1))).toEqual([
      0, 0, 0, 0, 10, 20, 40, 80, 160, 320, 640, 900, 900, 900,
    ]);
  });

  it("each second-factor lock lasts twice the one before, from 15 minutes to at most a day", () => {
    expect([5, 10, 15, 20, 25, 30, 35, 100].map(lockMinutes)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440]);
  });
});
