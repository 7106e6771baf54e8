// Every email to staff, in French and in English: the French one keeps no English sentence of the
// staff emails' catalogue (nor of the shared labels it uses), and the English one still reads as before.
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "../messages/en/index.ts";
import { type EmailTemplateName, renderEmail } from "./render-email.ts";

const companyName = "Acme";
const requestUrl = "https://portal.example/staff/requests/5d9c1b8e-0000-4000-8000-000000000001";
const signInUrl = "https://portal.example/staff/sign-in";
const request = { companyName, reference: "DSR-AAAA-BBBB", type: "opt_out", dueDate: "2031-01-20", requestUrl };
const item = { reference: "DSR-AAAA-BBBB", type: "erasure", dueDate: "2031-01-20", daysLeft: -2, requestUrl };

/** Each staff email with props that show as much of its text as one rendering can. */
const samples: Array<[EmailTemplateName, Record<string, unknown>]> = [
  ["staff-deadline-reminder", { ...request, kind: "due", date: "2031-01-20", daysLeft: 3, extendBy: "2031-01-20", assignedToYou: false }],
  [
    "staff-deadline-reminder",
    { ...request, kind: "extension-notice", date: "2031-01-10", daysLeft: 0, extendBy: "2031-01-10", assignedToYou: true },
  ],
  ["staff-overdue-escalation", { ...request, daysOverdue: 3, assignee: "agent@acme.example" }],
  ["staff-overdue-escalation", { ...request, daysOverdue: 1, assignee: null }],
  [
    "staff-daily-digest",
    {
      companyName,
      date: "2031-01-17",
      windowDays: 7,
      assigned: { total: 1, overdue: 1, items: [item] },
      unassigned: { total: 12, overdue: 0, items: [{ ...item, daysLeft: 4 }] },
      dashboardUrl: requestUrl,
    },
  ],
  ["staff-invitation", { companyName, inviteUrl: "https://portal.example/staff/invite/t0k", role: "admin", validHours: 72 }],
  ["staff-invitation", { companyName, inviteUrl: "https://portal.example/staff/invite/t0k", role: "auditor", validHours: 1 }],
  ["staff-request-assigned", { ...request, assignedBy: "lead@acme.example" }],
  ["staff-request-assigned", { ...request, assignedBy: null }],
  ["staff-request-needs-attention", { ...request, reason: "corrections", count: 2 }],
  ["staff-request-needs-attention", { ...request, reason: "reply" }],
  ["staff-account-locked", { companyName, wrongCodes: 5, lockedMinutes: 30, signInUrl }],
  ["staff-two-factor-turned-off", { companyName, signInUrl }],
  ["staff-recovery-codes-replaced", { companyName, signInUrl }],
];

/** The words of a message between its arguments: "The answer to this request is due on", "Open the request"... */
function literals(elements: MessageFormatElement[]): string[] {
  return elements.flatMap((element) => {
    if (element.type === TYPE.literal) return [element.value];
    if (element.type === TYPE.tag) return literals(element.children);
    if (element.type === TYPE.plural || element.type === TYPE.select)
      return Object.values(element.options).flatMap((option) => literals(option.value));
    return [];
  });
}

function sentencesOf(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? literals(parse(value)) : sentencesOf(value)));
}

/** English fragments of two words or more ("due in", "Sign in"), trimmed of punctuation. */
const englishSentences = [...new Set([...sentencesOf(en.staffEmails), ...sentencesOf(en.staffLabels.right)])]
  .map((fragment) => fragment.replace(/^[\s,.:;()]+|[\s,.:;()]+$/g, ""))
  .filter((fragment) => fragment.split(/\s+/).length >= 2);

describe("staff emails in French", () => {
  it("has English sentences to look for (the check can fail)", () => {
    expect(englishSentences).toContain("Open the request");
    expect(englishSentences).toContain("The answer to this request is due on");
    expect(englishSentences.length).toBeGreaterThan(60);
  });

  for (const [template, props] of samples) {
    it(`${template} (${JSON.stringify(props).slice(0, 60)}…) has no English left in French`, async () => {
      const fr = await renderEmail(template, "fr", props);
      const written = `${fr.subject}\n${fr.text}`;
      expect(englishSentences.filter((sentence) => written.includes(sentence))).toEqual([]);
      expect(fr.html).toContain('lang="fr"');
      const english = await renderEmail(template, "en", props);
      expect(englishSentences.some((sentence) => `${english.subject}\n${english.text}`.includes(sentence))).toBe(true);
    });
  }

  it("writes the French counts and plurals the French way", async () => {
    const digest = await renderEmail("staff-daily-digest", "fr", samples[4][1]);
    expect(digest.subject).toBe("[Acme] Échéances proches\u00a0: 13\u00a0demandes, dont 1\u00a0en retard");
    expect(digest.text).toContain("en retard de 2\u00a0jours, lundi 20 janvier 2031");
    expect(digest.text).toContain("Et 11 de plus\u00a0: voir le tableau de bord.");
    const corrections = await renderEmail("staff-request-needs-attention", "fr", samples[9][1]);
    expect(corrections.text).toContain("2\u00a0corrections de cette demande n’ont pu être effectuées");
    const oneCorrection = await renderEmail("staff-request-needs-attention", "fr", { ...samples[9][1], count: 1 });
    expect(oneCorrection.text).toContain("Une correction de cette demande n’a pu être effectuée");
    const reminder = await renderEmail("staff-deadline-reminder", "fr", samples[0][1]);
    expect(reminder.subject).toBe("[Acme] Non attribuée\u00a0: DSR-AAAA-BBBB, échéance dans 3\u00a0jours");
    expect(reminder.text).toContain("opposition à la vente ou au partage");
    const invitation = await renderEmail("staff-invitation", "fr", samples[6][1]);
    expect(invitation.text).toContain("valable 1\u00a0heure et une seule fois");
  });

  it("keeps the English wording", async () => {
    const digest = await renderEmail("staff-daily-digest", "en", samples[4][1]);
    expect(digest.subject).toBe("[Acme] Due soon: 13 requests, 1 overdue");
    expect(digest.text).toContain("DSR-AAAA-BBBB (erasure): 2 days overdue, Monday 20 January 2031.");
    const one = await renderEmail("staff-request-needs-attention", "en", { ...samples[9][1], count: 1 });
    expect(one.text).toContain("One correction of this request could not be made by any source. Apply it by hand");
    const locked = await renderEmail("staff-account-locked", "en", samples[11][1]);
    expect(locked.text).toContain("A security notice about your account in Acme's privacy requests workspace.");
  });
});
