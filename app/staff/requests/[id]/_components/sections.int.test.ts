// The request page's sections rendered from real data: the headings and buttons Playwright finds
// by role, and no button that changes anything for a role without the permission.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { confirmAccountId } from "@/lib/requests/confirm-account-id.ts";
import { getRequestDetails } from "@/lib/requests/get-request-details.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { createIdleConnector, createStaff, fileRequest } from "@/tests/support/staff-requests.ts";
import { runWorkersDuringTests } from "@/tests/support/use-workers.ts";
import { ActionsSection } from "./actions-section.tsx";
import { NotesSection } from "./conversation-section.tsx";
import { DeadlineSection } from "./deadline-section.tsx";
import { PersonSection } from "./person-section.tsx";
import { TasksSection } from "./tasks-section.tsx";
import { TimelineSection } from "./timeline-section.tsx";

runWorkersDuringTests();

const timeZone = "Europe/Paris";
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);

function renderAll(details: Awaited<ReturnType<typeof getRequestDetails>>, may: boolean, locale: Locale = "en") {
  return [
    createElement(DeadlineSection, { details, timeZone }),
    createElement(ActionsSection, { details, allowed: { decide: may, assign: may }, myEmail: "me@example.test" }),
    createElement(PersonSection, { details, timeZone, canDecide: may }),
    createElement(TasksSection, { details, canManage: may, timeZone }),
    createElement(NotesSection, { details, canNote: may, timeZone }),
    createElement(TimelineSection, { details, timeZone }),
  ]
    .map((element) => renderStaff(element, locale))
    .join("\n");
}

describe("request page sections", () => {
  it("shows the headings, and the decisions of a verified request to an agent", async () => {
    const { reference, email } = await fileRequest();
    const html = renderAll(await getRequestDetails(reference), true);
    for (const heading of ["Timeline", "Deadline", "Connector tasks", "Person", "Actions"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain(email);
    expect(buttons(html)).toEqual([
      "Approve",
      "Ask for information",
      "Extend deadline",
      "Assign",
      "Review the email before denying",
      "Add note",
    ]);
    // The GDPR sets no acknowledgement date: the page says so without seeming to contradict an acknowledgement sent anyway.
    expect(html).toMatch(/<dt>Acknowledge by<\/dt><dd>not required by this law(; acknowledged all the same on [^<]+)?<\/dd>/);
    expect(html).not.toContain("no acknowledgement required");
  });

  it("offers retry, completion and close on a request in progress", async () => {
    const { reference, id } = await fileRequest();
    const [failing, manual] = [await createIdleConnector(), await createIdleConnector()];
    await db().dsarRequest.update({ where: { id }, data: { status: "IN_PROGRESS" } });
    await db().connectorTask.createMany({
      data: [
        { requestId: id, connectorId: failing.id, action: "ACCESS", status: "FAILED", lastError: "timeout after 30 s" },
        { requestId: id, connectorId: manual.id, action: "ACCESS", status: "AWAITING_STAFF" },
      ],
    });
    const html = renderAll(await getRequestDetails(reference), true);
    expect(buttons(html)).toEqual(["Extend deadline", "Assign", "Close request", "Retry", "Complete task", "Add note"]);
    expect(html).toContain("timeout after 30 s");
    expect(html).toContain('type="file"');
  });

  it("offers no retry and no completion once the request is withdrawn, and shows its tasks cancelled", async () => {
    const { reference, id } = await fileRequest();
    const [failing, manual] = [await createIdleConnector(), await createIdleConnector()];
    await db().dsarRequest.update({ where: { id }, data: { status: "WITHDRAWN", outcome: "WITHDRAWN", closedAt: new Date() } });
    await db().connectorTask.createMany({
      data: [
        { requestId: id, connectorId: failing.id, action: "ACCESS", status: "FAILED", lastError: "timeout after 30 s" },
        { requestId: id, connectorId: manual.id, action: "ACCESS", status: "CANCELLED" },
      ],
    });
    const html = renderAll(await getRequestDetails(reference), true);
    expect(buttons(html)).toEqual(["Add note"]);
    expect(html).toContain("task-status--cancelled");
  });

  it("says whether the account number is confirmed, offers to confirm it before approval, and names who did", async () => {
    const { reference } = await fileRequest({ accountId: "C-1042" });
    const before = renderAll(await getRequestDetails(reference), true);
    expect(before).toContain("C-1042");
    expect(before).toContain("Not confirmed — not used to find data");
    expect(buttons(before)).toContain("Confirm the account number is theirs");
    expect(buttons(renderAll(await getRequestDetails(reference), false))).toEqual([]);

    const agent = await createStaff("AGENT");
    await confirmAccountId({ reference, confirmed: true, actor: { type: "STAFF", id: agent.id } });
    const after = renderAll(await getRequestDetails(reference), true);
    expect(after).toContain(`Confirmed as theirs by ${agent.email}`);
    expect(after).not.toContain("Not confirmed");
    expect(buttons(after)).toContain("Take back the confirmation");
    expect(after).toContain("Account number confirmed as the person&#x27;s");
  });

  it("offers no confirmation where no account number was given", async () => {
    const { reference } = await fileRequest();
    const html = renderAll(await getRequestDetails(reference), true);
    expect(html).not.toContain("Account number");
    expect(buttons(html)).not.toContain("Confirm the account number is theirs");
  });

  it("shows no button at all to a role that may only read", async () => {
    const { reference } = await fileRequest();
    const html = renderAll(await getRequestDetails(reference), false);
    expect(buttons(html)).toEqual([]);
    expect(html).toContain("No action is open to your role");
  });

  it("reads in French for a French reader: headings, decisions, the deadline, the timeline and who acted", async () => {
    const { reference } = await fileRequest();
    const details = await getRequestDetails(reference, { locale: "fr" });
    const html = renderAll(details, true, "fr");
    // "Why this date": the engine's explanation in French, not the English one stored on the request.
    const english = (await getRequestDetails(reference)).deadline.explanation;
    expect(details.deadline.explanation.length).toBe(english.length);
    for (const sentence of english) expect(html).not.toContain(sentence);
    for (const heading of ["Historique", "Délai", "Tâches des connecteurs", "Personne concernée", "Actions"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(buttons(html)).toEqual([
      "Approuver",
      "Demander des informations",
      "Prolonger le délai",
      "Attribuer",
      "Relire l’e-mail avant de refuser",
      "Ajouter la note",
    ]);
    expect(html).toMatch(/<dt>Accusé de réception avant le<\/dt><dd>non exigé par cette loi/);
    expect(html).toContain("<dd>RGPD (UE)</dd>");
    expect(html).toContain("Demande reçue");
    expect(html).toContain("par la personne");
    for (const english of ["Timeline", "Deadline", "Request received", "by the person", "Acknowledge by", "Approve<", "not yet"]) {
      expect(html).not.toContain(english);
    }
  });
});
