// The timeline tells the story in words; an audit event's name and raw data stay available, folded.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { TimelineSection } from "./timeline-section.tsx";

const at = new Date("2026-12-07T13:05:00Z");
const details = {
  timeline: [
    { key: "e1", at, kind: "event", label: "Email address verified", actor: "the person", detail: 'request.verified {"method":"link"}' },
    {
      key: "m1",
      at,
      kind: "email",
      label: "Email sent: Your request",
      actor: "system",
      detail: "template request-acknowledged, 1 attempt(s)",
    },
  ],
} as unknown as RequestDetails;

describe("TimelineSection", () => {
  it("folds an event's recorded data away and keeps an email's delivery line in view", () => {
    const html = renderToStaticMarkup(createElement(TimelineSection, { details, timeZone: "Europe/Paris" }));
    expect(html).toMatch(
      /<details class="timeline__detail"><summary>Recorded data<\/summary><code class="timeline__data">request\.verified \{&quot;method&quot;:&quot;link&quot;\}<\/code><\/details>/,
    );
    expect(html).toContain('<div class="timeline__detail prewrap">template request-acknowledged, 1 attempt(s)</div>');
  });
});
