import { describe, expect, it } from "vitest";
import { reminderSettingsSchema } from "./reminder-settings.schema.ts";

function problems(input: unknown): string[] {
  const result = reminderSettingsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

const valid = { daysBefore: [1, 7, 3], digestHour: 8, escalateOverdue: true };

describe("reminder settings", () => {
  it("accepts the reminder points in any order and keeps them furthest first", () => {
    expect(reminderSettingsSchema.parse(valid)).toEqual({ daysBefore: [7, 3, 1], digestHour: 8, escalateOverdue: true });
    expect(reminderSettingsSchema.parse({ ...valid, daysBefore: [] }).daysBefore).toEqual([]);
    expect(reminderSettingsSchema.parse({ ...valid, daysBefore: [60, 1], digestHour: 0 }).digestHour).toBe(0);
  });

  it("names the problem with each point", () => {
    expect(problems({ ...valid, daysBefore: [0] })).toEqual([
      "daysBefore.0: each reminder point must be at least 1 day before the due date",
    ]);
    expect(problems({ ...valid, daysBefore: [7, 61] })).toEqual([
      "daysBefore.1: each reminder point must be at most 60 days before the due date",
    ]);
    expect(problems({ ...valid, daysBefore: [2.5] })).toEqual(["daysBefore.0: each reminder point must be a whole number of days"]);
    expect(problems({ ...valid, daysBefore: ["7"] })).toEqual(["daysBefore.0: each reminder point must be a whole number of days"]);
    expect(problems({ ...valid, daysBefore: [7, 3, 7, 1, 3] })).toEqual([
      "daysBefore: each reminder point must be given once (7, 3 repeated)",
    ]);
    expect(problems({ ...valid, daysBefore: [1, 2, 3, 4, 5, 6, 7] })).toEqual(["daysBefore: at most 6 reminder points"]);
    expect(problems({ ...valid, daysBefore: "7,3,1" })).toEqual(["daysBefore: must be a list of numbers of days"]);
  });

  it("names the problem with the digest hour and the escalation switch", () => {
    expect(problems({ ...valid, digestHour: 24 })).toEqual(["digestHour: must be an hour from 0 to 23"]);
    expect(problems({ ...valid, digestHour: -1 })).toEqual(["digestHour: must be an hour from 0 to 23"]);
    expect(problems({ ...valid, digestHour: 7.5 })).toEqual(["digestHour: must be a whole hour from 0 to 23"]);
    expect(problems({ ...valid, escalateOverdue: "yes" })).toEqual(["escalateOverdue: must be true or false"]);
  });

  it("refuses a missing or unknown field", () => {
    expect(problems({ daysBefore: [7], digestHour: 8 })).toEqual(["escalateOverdue: must be true or false"]);
    expect(problems({ ...valid, digestMinute: 30 })).toEqual([': Unrecognized key: "digestMinute"']);
  });
});
