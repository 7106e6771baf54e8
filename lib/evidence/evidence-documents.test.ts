import { describe, expect, it } from "vitest";
import type { DeadlineResult } from "../deadlines/index.ts";
import { deadlineColumns } from "../requests/request-deadline.ts";
import { connectorsEvidence, type EvidenceArtifact, type EvidenceTask } from "./evidence-connectors.ts";
import { answerTiming, deadlineEvidence } from "./evidence-deadline.ts";
import { emailsEvidence, maskEmail } from "./evidence-emails.ts";
import { escapeHtml, renderEvidenceSummary, type SummaryInput } from "./evidence-summary-html.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

// A GDPR access request received on a Monday in Paris: due one month later, 2026-04-02 (a Thursday).
const request = {
  reference: "DSR-7K3M-Q9PX",
  jurisdiction: "EU_GDPR",
  type: "ACCESS" as const,
  status: "COMPLETED" as const,
  receivedAt: new Date("2026-03-02T09:00:00.000Z"),
  timeZone: "Europe/Paris",
  holidayRegion: "FR",
  dueDate: day("2026-04-02"),
  acknowledgeBy: null,
  extensionNoticeBy: day("2026-04-02"),
  maxExtendedDueDate: day("2026-06-02"),
  extended: false,
  clockPaused: false,
  deadlineExplanation: [],
  closedAt: new Date("2026-03-30T22:30:00.000Z"),
};

describe("whether the answer came on time", () => {
  it("counts calendar days in the controller's zone: 23:30 UTC on the 30th is the 31st in Paris", () => {
    expect(answerTiming(request, new Date())).toMatchObject({ state: "answered", closedOn: "2026-03-31", onTime: true, days: 2 });
    expect(answerTiming(request, new Date()).text).toBe("Answered on time, 2 days before the due date (2026-04-02).");
  });

  it("says late and by how much, on the due date itself, and for open requests how long is left or overdue", () => {
    expect(answerTiming({ ...request, closedAt: new Date("2026-04-05T10:00:00Z") }, new Date()).text).toBe(
      "Answered late, 3 days after the due date (2026-04-02).",
    );
    expect(answerTiming({ ...request, closedAt: new Date("2026-04-02T21:59:00Z") }, new Date()).text).toBe(
      "Answered on time, on the due date (2026-04-02).",
    );
    const open = { ...request, status: "IN_PROGRESS" as const, closedAt: null };
    expect(answerTiming(open, new Date("2026-04-01T08:00:00Z")).text).toBe("Still open; 1 day left until the due date (2026-04-02).");
    expect(answerTiming(open, new Date("2026-04-12T08:00:00Z"))).toMatchObject({ overdue: true, days: 10 });
    expect(answerTiming({ ...request, status: "WITHDRAWN" }, new Date()).state).toBe("no-answer-due");
  });
});

describe("deadline.json", () => {
  it("replays the engine at receipt and after each clock event, and compares with the stored columns", () => {
    const pause = new Date("2026-03-10T10:00:00Z");
    const resume = new Date("2026-03-15T10:00:00Z");
    const events = [
      {
        id: "e2",
        type: "RESUME" as const,
        at: resume,
        reason: null,
        days: null,
        months: null,
        actorType: "SUBJECT" as const,
        actorId: null,
        createdAt: resume,
      },
      {
        id: "e1",
        type: "PAUSE" as const,
        at: pause,
        reason: null,
        days: null,
        months: null,
        actorType: "STAFF" as const,
        actorId: "s1",
        createdAt: pause,
      },
    ];
    const evidence = deadlineEvidence(request, events, new Date("2026-04-01T00:00:00Z"));
    expect(evidence.steps.map((s) => s.after.kind)).toEqual(["receipt", "clock-event", "clock-event"]);
    expect(evidence.steps[1].after).toMatchObject({ type: "pause", clockEventId: "e1", actorType: "STAFF" });
    expect(evidence.steps[0].result?.dueDate).toBe("2026-04-02");
    expect(evidence.steps[2].input.events).toHaveLength(2);
    expect(evidence.steps[2].result?.explanation.length).toBeGreaterThan(0);
    // Five days paused: the due date moves by five days, so the request's stale columns disagree…
    expect(evidence.steps[2].result?.dueDate).toBe("2026-04-07");
    expect(evidence.storedMatchesRecomputed).toBe(false);
    // …while columns written from the replay, as record-clock-event.ts writes them, agree.
    const columns = deadlineColumns(evidence.steps[2].result as DeadlineResult);
    const stored = { ...request, ...columns, clockPaused: columns.clockPaused };
    expect(deadlineEvidence(stored, events, new Date()).storedMatchesRecomputed).toBe(true);
  });

  it("records an input today's engine refuses instead of failing the bundle", () => {
    const evidence = deadlineEvidence({ ...request, jurisdiction: "XX_UNKNOWN" }, [], new Date());
    expect(evidence.steps[0]).toMatchObject({ error: expect.stringMatching(/jurisdiction/) });
    expect(evidence.storedMatchesRecomputed).toBe(false);
  });
});

describe("emails/ and connectors.json", () => {
  it("masks the address and keeps the text exactly as stored", () => {
    expect(maskEmail("claire.dupont@example.com")).toBe("c***@example.com");
    expect(maskEmail("nonsense")).toBe("***");
    const sent = new Date("2026-03-02T09:01:00Z");
    const { index, files } = emailsEvidence("DSR-7K3M-Q9PX", [
      {
        id: "m1",
        template: "verify-request",
        locale: "fr",
        to: "claire.dupont@example.com",
        subject: "Confirmez",
        textBody: "Lien : [private]",
        status: "SENT",
        attempts: 1,
        lastError: null,
        providerMessageId: "<abc@mail>",
        sentAt: sent,
        createdAt: sent,
      },
      {
        id: "m2",
        template: "request/acknowledged",
        locale: "fr",
        to: "claire.dupont@example.com",
        subject: null,
        textBody: null,
        status: "FAILED",
        attempts: 5,
        lastError: "550 mailbox claire.dupont@example.com unavailable",
        providerMessageId: null,
        sentAt: null,
        createdAt: sent,
      },
    ]);
    expect(JSON.stringify(index)).not.toContain("claire.dupont");
    expect(index.messages[0]).toMatchObject({
      to: "c***@example.com",
      textFile: "emails/001-verify-request.txt",
      delivery: { status: "sent" },
    });
    expect(index.messages[1]).toMatchObject({
      textFile: null,
      delivery: { status: "failed", lastError: "550 mailbox [email] unavailable" },
    });
    expect(files).toEqual([{ path: "emails/001-verify-request.txt", content: Buffer.from("Lien : [private]") }]);
  });

  it("describes tasks and packages by fingerprints, never by content or raw errors; a staff note is kept with addresses blanked", () => {
    const at = new Date("2026-03-03T10:00:00Z");
    const task = {
      id: "t1",
      connector: { key: "shop", name: "Shop", type: "postgres" },
      action: "ACCESS",
      status: "FAILED",
      attempts: 3,
      lastError: "duplicate key (email)=(ana@example.com)",
      receipt: { records: 2 },
      note: "Found the file of ana@example.com in the cabinet",
      startedAt: at,
      finishedAt: new Date(at.getTime() + 1500),
      createdAt: at,
      callbackDeadline: null,
      completedById: null,
    } as unknown as EvidenceTask;
    const artifact = {
      id: "a1",
      createdAt: at,
      expiresAt: at,
      deletedAt: null,
      sha256: "f".repeat(64),
      sizeBytes: 1234n,
      wrappedKey: null,
      maxDownloads: 5,
      downloads: [{ at }],
      manifest: { files: [{ path: "data/shop/orders.json", sha256: "e".repeat(64), bytes: 10, records: 2 }] },
    } as unknown as EvidenceArtifact;
    const evidence = connectorsEvidence("DSR-7K3M-Q9PX", [task], [artifact]);
    const text = JSON.stringify(evidence);
    expect(text).not.toContain("ana@example.com");
    expect(evidence.tasks[0]).toMatchObject({ durationMs: 1500, lastError: "duplicate key (email)=([redacted])" });
    expect(evidence.tasks[0].staffNote).toMatch(/^Found the file of \[[a-z]+\] in the cabinet$/);
    expect(evidence.packages[0]).toMatchObject({
      sizeBytes: 1234,
      keyDestroyed: true,
      manifest: [{ path: "data/shop/orders.json", records: 2 }],
    });
  });
});

describe("summary.html", () => {
  it("escapes every value and says whether the answer was on time", () => {
    const input: SummaryInput = {
      request: {
        ...request,
        channel: "WEB",
        outcome: "FULFILLED",
        denialReason: null,
        verifiedAt: request.receivedAt,
        acknowledgedAt: null,
        decidedAt: request.receivedAt,
        purgedAt: null,
      },
      dueDate: "2026-04-02",
      timing: answerTiming(request, new Date()),
      generatedAt: new Date("2026-04-01T08:00:00Z"),
      keyId: "0123456789abcdef",
      events: 12,
      headHash: "a".repeat(64),
      tasks: [{ source: '<script>alert("x")</script>', action: "access", status: "succeeded" }],
      emails: [{ template: "verify-request", status: "sent", sentAt: "2026-03-02T09:01:00.000Z" }],
    };
    const html = renderEvidenceSummary(input);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Answered on time, 2 days before the due date (2026-04-02).");
    expect(html).toContain("2026-03-02 10:00 (Europe/Paris)");
    expect(escapeHtml(`a&b'"`)).toBe("a&amp;b&#39;&quot;");
  });
});
