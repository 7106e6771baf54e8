// The withdrawal question on the status page tells the truth about work already done: once a request
// is approved or in progress, part of it may be carried out already and cannot be undone.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SubmissionStatus } from "@/lib/requests/get-submission-status.ts";
import { RequestStatusCard } from "./request-status-card.tsx";

type StatusRequest = SubmissionStatus["requests"][number];

const request = (status: StatusRequest["status"]): StatusRequest => ({
  reference: "DSR-7K3M-Q9PX",
  type: "ERASURE",
  status,
  receivedAt: "2026-12-07T10:00:00.000Z",
  verifiedAt: "2026-12-07T10:05:00.000Z",
  closedAt: null,
  verifyBy: "2026-12-14T10:00:00.000Z",
  dueDate: "2027-01-07",
  extended: false,
  clockPaused: false,
  explanation: [],
  jurisdiction: "EU_GDPR",
  law: null as unknown as StatusRequest["law"],
  outcome: null,
  denialReason: null,
  denialMessage: null,
  canWithdraw: true,
  messages: [],
  canReply: false,
  corrections: [],
  correctionsMessage: null,
});

const confirmBox = (status: StatusRequest["status"], locale: "en" | "fr") =>
  renderToStaticMarkup(
    createElement(RequestStatusCard, { locale, token: "t0k3n", request: request(status), confirming: true, timeZone: "Europe/Paris" }),
  );

describe("RequestStatusCard withdrawal question", () => {
  it("warns, in both languages, that what is already done cannot be reversed once the request is in progress", () => {
    expect(confirmBox("IN_PROGRESS", "en")).toContain("what is already done (for example, data already erased) cannot be reversed");
    expect(confirmBox("APPROVED", "fr")).toContain("ce qui est déjà fait (par exemple, des données déjà effacées) ne peut pas être annulé");
  });

  it("does not say so before any work started", () => {
    expect(confirmBox("VERIFIED", "en")).not.toContain("already done");
    expect(confirmBox("VERIFIED", "fr")).not.toContain("déjà fait");
  });
});
