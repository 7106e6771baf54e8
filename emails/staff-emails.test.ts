import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email.ts";

const companyName = "Acme";
const requestUrl = "https://portal.example/staff/requests/5d9c1b8e-0000-4000-8000-000000000001";
const reminder = {
  companyName,
  kind: "due",
  reference: "DSR-AAAA-BBBB",
  type: "access",
  date: "2031-01-20",
  daysLeft: 3,
  dueDate: "2031-01-20",
  extendBy: "2031-01-20",
  assignedToYou: true,
  requestUrl,
};

describe("staff emails", () => {
  it("a due-date reminder says when, links to the request and says the deadline can still be extended", async () => {
    const { subject, text } = await renderEmail("staff-deadline-reminder", "en", reminder);
    expect(subject).toBe("[Acme] DSR-AAAA-BBBB is due in 3 days");
    expect(text).toContain("due on Monday 20 January 2031 (due in 3 days)");
    expect(text).toContain("It is assigned to you");
    expect(text).toContain("the person must be told, with the reasons, by Monday 20 January 2031");
    expect(text).toContain(requestUrl);
    expect(text).not.toContain("a request about your personal data was made");
  });

  it("says nothing of an extension once the request is extended", async () => {
    const { text } = await renderEmail("staff-deadline-reminder", "en", { ...reminder, extendBy: null, daysLeft: 0 });
    expect(text).toContain("(due today)");
    expect(text).not.toContain("extended");
  });

  it("tells admins when nobody is assigned", async () => {
    const { subject, text } = await renderEmail("staff-deadline-reminder", "en", { ...reminder, assignedToYou: false, daysLeft: 1 });
    expect(subject).toBe("[Acme] Unassigned: DSR-AAAA-BBBB is due in 1 day");
    expect(text).toContain("Nobody is assigned to this request");
  });

  it("an extension-notice reminder names the last day to tell the person", async () => {
    const props = { ...reminder, kind: "extension-notice", date: "2031-01-10", extendBy: "2031-01-10", daysLeft: 1 };
    const { subject, text } = await renderEmail("staff-deadline-reminder", "en", props);
    expect(subject).toBe("[Acme] DSR-AAAA-BBBB: the last day to extend is in 1 day");
    expect(text).toContain("by Friday 10 January 2031 (in 1 day)");
    const fr = await renderEmail("staff-deadline-reminder", "fr", props);
    expect(fr.text).toContain("au plus tard le vendredi 10 janvier 2031 (dans 1\u00a0jour)");
  });

  it("an escalation says how late the request is and who has it", async () => {
    const props = { companyName, reference: "DSR-AAAA-BBBB", type: "erasure", dueDate: "2031-01-20", daysOverdue: 3, requestUrl };
    const assigned = await renderEmail("staff-overdue-escalation", "en", { ...props, assignee: "agent@acme.example" });
    expect(assigned.subject).toBe("[Acme] Overdue: DSR-AAAA-BBBB is 3 days overdue");
    expect(assigned.text).toContain("It is assigned to agent@acme.example.");
    const nobody = await renderEmail("staff-overdue-escalation", "en", { ...props, assignee: null });
    expect(nobody.text).toContain("Nobody is assigned to it.");
  });

  it("a digest counts what it does not list", async () => {
    const item = { reference: "DSR-AAAA-BBBB", type: "access", dueDate: "2031-01-20", daysLeft: 3, requestUrl };
    const section = { total: 55, overdue: 0, items: [item, { ...item, reference: "DSR-CCCC-DDDD" }] };
    const props = { companyName, date: "2031-01-17", windowDays: 7, assigned: null, unassigned: section, dashboardUrl: requestUrl };
    const { subject, text } = await renderEmail("staff-daily-digest", "en", props);
    expect(subject).toBe("[Acme] Due soon: 55 requests");
    expect(text).toContain("NOT ASSIGNED TO ANYONE");
    expect(text).toContain("And 53 more: see the dashboard.");
  });

  it("refuses a digest with nothing in it, and a reminder for a date already past", async () => {
    const empty = { companyName, date: "2031-01-17", windowDays: 7, assigned: null, unassigned: null, dashboardUrl: requestUrl };
    await expect(renderEmail("staff-daily-digest", "en", empty)).rejects.toThrow(/assigned: a digest needs at least one section/);
    await expect(renderEmail("staff-deadline-reminder", "en", { ...reminder, daysLeft: -1 })).rejects.toThrow(/daysLeft/);
  });

  it("security notices say what happened, what it means if it was not the holder, and link to sign in", async () => {
    const signInUrl = "https://portal.example/staff/sign-in";
    const locked = await renderEmail("staff-account-locked", "en", { companyName, wrongCodes: 5, lockedMinutes: 30, signInUrl });
    expect(locked.subject).toBe("[Acme] Your staff account was locked after wrong two-factor codes");
    expect(locked.text).toContain("5 wrong two-factor codes were entered for your staff account, so it is locked for 30 minutes");
    expect(locked.text).toContain("someone else knows it");
    expect(locked.text).toContain(signInUrl);
    const lockedFr = await renderEmail("staff-account-locked", "fr", { companyName, wrongCodes: 5, lockedMinutes: 1, signInUrl });
    expect(lockedFr.text).toContain("verrouillé pendant 1\u00a0minute ");
    const off = await renderEmail("staff-two-factor-turned-off", "en", { companyName, signInUrl });
    expect(off.subject).toBe("[Acme] Two-factor was turned off on your staff account");
    expect(off.text).toContain("Your other sessions were ended.");
    const offFr = await renderEmail("staff-two-factor-turned-off", "fr", { companyName, signInUrl });
    expect(offFr.text).toContain("La vérification en deux étapes a été désactivée");
    const codes = await renderEmail("staff-recovery-codes-replaced", "en", { companyName, signInUrl });
    expect(codes.text).toContain("The earlier ones no longer work");
  });
});
