import { describe, expect, it } from "vitest";
import { reminderSettingsFormSchema } from "./reminder-settings-form.schema.ts";

function problems(input: unknown): string[] {
  const result = reminderSettingsFormSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("the reminder settings form", () => {
  it("reads the points from one text field, the hour and the checkbox", () => {
    expect(reminderSettingsFormSchema.parse({ daysBefore: "1, 7,3", digestHour: "9", escalateOverdue: "on" })).toEqual({
      daysBefore: [7, 3, 1],
      digestHour: 9,
      escalateOverdue: true,
    });
    expect(reminderSettingsFormSchema.parse({ daysBefore: "  ", digestHour: "0" })).toEqual({
      daysBefore: [],
      digestHour: 0,
      escalateOverdue: false,
    });
  });

  it("names what is wrong in the field", () => {
    expect(problems({ daysBefore: "7, three, 1.5", digestHour: "8" })).toEqual([
      'daysBefore: "three", "1.5" are not a whole number of days',
    ]);
    expect(problems({ daysBefore: "7, 70", digestHour: "8" })).toEqual([
      "daysBefore.1: each reminder point must be at most 60 days before the due date",
    ]);
    expect(problems({ daysBefore: "3, 3", digestHour: "8" })).toEqual(["daysBefore: each reminder point must be given once (3 repeated)"]);
    expect(problems({ daysBefore: "7", digestHour: "24" })).toEqual(["digestHour: must be an hour from 0 to 23"]);
    expect(problems({ daysBefore: "7", digestHour: "8am" })).toEqual(["digestHour: must be an hour from 0 to 23"]);
    expect(problems({ daysBefore: "7", digestHour: "8", escalateOverdue: "yes" })).toEqual(["escalateOverdue: must be ticked or not"]);
  });
});
