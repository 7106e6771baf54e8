import { describe, expect, it } from "vitest";
import { auditActionLabel } from "./timeline-labels.ts";

// The timeline prints "<label> by <actor>": a label that names the actor itself reads twice
// ("Withdrawn by the person by the person").
describe("timeline labels", () => {
  it("never name who acted, which the timeline adds after the label", () => {
    for (const [action, data] of [
      ["request.withdrawn", { cancelledTasks: 1 }],
      ["request.withdrawn", {}],
      ["package.downloaded", { download: 2 }],
    ] as const) {
      expect(auditActionLabel(action, data)).not.toMatch(/\bby the person\b/);
    }
  });

  it("say how many tasks a withdrawal cancelled", () => {
    expect(auditActionLabel("request.withdrawn", { cancelledTasks: 2 })).toBe("Withdrawn (2 tasks cancelled)");
    expect(auditActionLabel("request.withdrawn", {})).toBe("Withdrawn");
  });

  it("say what happened to an agent's permission in words, not as an event code", () => {
    expect(auditActionLabel("request.agent-permission-opened", {})).toBe("Agent's signed permission downloaded");
    expect(auditActionLabel("request.agent-permission-checked", { outcome: "NOT_VALID" })).toBe("Agent's permission marked as not valid");
  });
});
