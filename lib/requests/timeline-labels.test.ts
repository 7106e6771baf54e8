import { describe, expect, it } from "vitest";
import { auditActionLabel, clockEventLabel, denialReasonLabel } from "./timeline-labels.ts";

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
      expect(auditActionLabel(action, data, String, "fr")).not.toMatch(/\bpar la personne\b/);
    }
  });

  it("say how many tasks a withdrawal cancelled", () => {
    expect(auditActionLabel("request.withdrawn", { cancelledTasks: 2 })).toBe("Withdrawn (2 tasks cancelled)");
    expect(auditActionLabel("request.withdrawn", { cancelledTasks: 1 })).toBe("Withdrawn (1 task cancelled)");
    expect(auditActionLabel("request.withdrawn", {})).toBe("Withdrawn");
    expect(auditActionLabel("request.withdrawn", { cancelledTasks: 2 }, String, "fr")).toBe("Retirée (2 tâches annulées)");
    expect(auditActionLabel("request.withdrawn", {}, String, "fr")).toBe("Retirée");
  });

  it("say what happened to an agent's permission in words, not as an event code", () => {
    expect(auditActionLabel("request.agent-permission-opened", {})).toBe("Agent's signed permission downloaded");
    expect(auditActionLabel("request.agent-permission-checked", { outcome: "NOT_VALID" })).toBe("Agent's permission marked as not valid");
    expect(auditActionLabel("request.agent-permission-checked", { outcome: "NOT_VALID" }, String, "fr")).toBe(
      "Mandat du mandataire jugé non valable",
    );
  });

  it("name the refusal's reason and the assignee in the reader's language", () => {
    expect(auditActionLabel("request.denied", { reason: "NO_DATA_HELD" })).toBe("Denied: no data held");
    expect(auditActionLabel("request.denied", { reason: "NO_DATA_HELD" }, String, "fr")).toBe("Refusée : aucune donnée détenue");
    const names = (id: unknown) => (id === "s1" ? "agent@example.test" : "?");
    expect(auditActionLabel("request.assigned", { assigneeId: "s1" }, names, "fr")).toBe("Attribuée à agent@example.test");
    expect(auditActionLabel("request.approved", { connectors: 3 })).toBe("Approved; 3 connector tasks created");
    expect(auditActionLabel("request.approved", { connectors: 1 }, String, "fr")).toBe("Approuvée ; 1 tâche de connecteur créée");
  });

  it("write a due day as the reader writes dates", () => {
    const data = { clock: "restart", dueDate: "2026-07-14" };
    expect(auditActionLabel("request.information-received", data)).toBe("Information received; clock restarted, due 14 Jul 2026");
    expect(auditActionLabel("request.information-received", data, String, "fr")).toBe(
      "Informations reçues ; délai reparti de zéro, échéance le 14 juil. 2026",
    );
  });

  it("keep an action they do not know as its name, and a reason they do not know as its code in words", () => {
    expect(auditActionLabel("something.new", {}, String, "fr")).toBe("something.new");
    expect(denialReasonLabel("SOMETHING_ELSE", "fr")).toBe("something_else");
  });

  it("say how long an extension is, in the reader's language", () => {
    expect(clockEventLabel({ type: "EXTEND", days: null, months: 2 })).toBe("Deadline extended by 2 months");
    expect(clockEventLabel({ type: "EXTEND", days: 45, months: null }, "fr")).toBe("Délai prolongé de 45 jours");
    expect(clockEventLabel({ type: "PAUSE", days: null, months: null }, "fr")).toBe("Délai suspendu");
  });
});
