// The timeline tells the story in words; an audit event's name and raw data stay available, folded.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { TimelineSection } from "./timeline-section.tsx";

const at = new Date("2026-12-07T13:05:00Z");
const details = {
  timeline: [
    {
      key: "e1",
      at,
      kind: "event",
      label: "Email address verified",
      actor: "the person",
      record: { action: "request.verified", data: { method: "link" } },
    },
    {
      key: "m1",
      at,
      kind: "email",
      label: "Email sent: Your request",
      actor: "system",
      detail: "1 delivery attempt",
    },
  ],
} as unknown as RequestDetails;

describe("TimelineSection", () => {
  it("folds an event's recorded data away and keeps an email's delivery line in view", () => {
    const html = renderStaff(createElement(TimelineSection, { details, timeZone: "Europe/Paris" }));
    expect(html).toMatch(
      /<details class="raw-record"><summary>Raw record<\/summary><pre>\{\n {2}&quot;action&quot;: &quot;request\.verified&quot;/,
    );
    expect(html).toContain('<div class="timeline__detail prewrap">1 delivery attempt</div>');
  });

  it("frames the entries in the reader's language, with times written the French way", () => {
    const html = renderStaff(createElement(TimelineSection, { details, timeZone: "Europe/Paris" }), "fr");
    expect(html).toContain('<h2 id="timeline-heading">Historique</h2>');
    expect(html).toContain("Heures du fuseau Europe/Paris.");
    expect(html).toContain('<span class="timeline__kind">Événement</span>');
    expect(html).toContain('<span class="timeline__actor">par the person</span>');
    expect(html).toMatch(/<time dateTime="2026-12-07T13:05:00.000Z">7 déc\. 2026,? (à )?14:05<\/time>/);
    expect(html).toContain("<summary>Enregistrement brut</summary>");
  });
});
