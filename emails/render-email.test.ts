import { describe, expect, it } from "vitest";
import { EMAIL_LOCALES } from "./components/i18n.ts";
import { type EmailTemplateName, type EmailTemplateProps, emailTemplates, renderEmail } from "./render-email.ts";

const companyName = "Acme & Fils";
const statusUrl = "https://portal.example/status/abc123";

const sampleProps: { [Name in EmailTemplateName]: EmailTemplateProps<Name> } = {
  "verify-request": {
    companyName,
    references: ["DSAR-2024-0001", "DSAR-2024-0002"],
    types: ["access", "erasure"],
    verifyUrl: "https://portal.example/verify?token=t0k3n",
    code: "493817",
    statusUrl,
    expiresInHours: 24,
  },
  "agent-request-received": { companyName, references: ["DSAR-2024-0001"], types: ["access"], verifyWithinDays: 30 },
  "agent-request-denied": { companyName, reference: "DSAR-2024-0001", type: "access", message: "The form is not signed." },
  "request-acknowledged": {
    companyName,
    references: ["DSAR-2024-0001"],
    types: ["access"],
    statusUrl,
    dueDate: "2024-12-27",
    dueDateReasons: ["Received on 2024-11-27.", "One month later (GDPR Art. 12(3)): 2024-12-27."],
    acknowledgeBy: null,
  },
  "request-expired": {
    companyName,
    references: ["DSAR-2024-0003"],
    types: ["portability"],
    verifyWithinDays: 7,
    newRequestUrl: "https://portal.example/new",
    complaint: { authority: "CNIL", url: "https://www.cnil.fr", kind: "supervisory-authority", appeal: false },
  },
  "request-withdrawn": { companyName, reference: "DSAR-2024-0004", type: "rectification", statusUrl },
  "information-requested": {
    companyName,
    reference: "DSAR-2024-0005",
    type: "access",
    message: "Which account number did you use?\nThe one on your invoices is enough.",
    statusUrl,
    clockPaused: true,
  },
  "deadline-extended": {
    companyName,
    reference: "DSAR-2024-0006",
    type: "erasure",
    reason: "Your data is spread across 14 systems.",
    previousDueDate: "2024-12-27",
    newDueDate: "2025-02-27",
    statusUrl,
  },
  "package-ready": {
    companyName,
    reference: "DSAR-2024-0007",
    type: "access",
    downloadUrl: "https://portal.example/en/download/d0wnl0ad",
    expiresOn: "2024-12-20",
    maxDownloads: 3,
    sources: [
      { name: "CRM", records: 12 },
      { name: "Billing", records: 0 },
    ],
    statusUrl,
  },
  "erasure-completed": {
    companyName,
    reference: "DSAR-2024-0008",
    sources: [
      { name: "CRM", erased: 12, retained: [] },
      { name: "Billing", erased: 0, retained: [{ category: "Invoices", rows: 3, reason: "Kept 10 years for the tax authorities." }] },
    ],
    statusUrl,
  },
  "preference-applied": {
    companyName,
    reference: "DSAR-2024-0010",
    kind: "opt_out",
    sources: [
      { name: "Shop database", categories: ["customers"], rows: 1 },
      { name: "Paper archive", categories: [], rows: 1 },
    ],
    statusUrl,
  },
  "rectification-completed": {
    companyName,
    reference: "DSAR-2024-0009",
    corrections: [
      { label: "Postal address", state: "corrected", places: [{ source: "CRM", category: "contacts" }] },
      { label: "Date of birth", state: "not-corrected", places: [] },
    ],
    message: "Your date of birth comes from your identity document.",
    statusUrl,
  },
  "request-denied": {
    companyName,
    reference: "DSAR-2024-0010",
    type: "access",
    reason: "OTHER",
    message: "We only hold data on customers of our Paris shop.",
    complaint: { authority: "CNIL", url: "https://www.cnil.fr", kind: "supervisory-authority", appeal: false },
    statusUrl,
  },
  "request-closed": { companyName, reference: "DSAR-2024-0011", type: "erasure", outcome: "fulfilled", statusUrl },
  "staff-request-assigned": {
    companyName,
    reference: "DSAR-2024-0013",
    type: "access",
    dueDate: "2024-12-27",
    assignedBy: "ana@example.com",
    requestUrl: "https://privacy.example.com/staff/requests/5f0c",
  },
  "staff-request-needs-attention": {
    companyName,
    reference: "DSAR-2024-0014",
    type: "rectification",
    dueDate: "2024-12-27",
    reason: "corrections",
    count: 2,
    requestUrl: "https://privacy.example.com/staff/requests/5f0d",
  },
  "team-message": {
    companyName,
    reference: "DSAR-2024-0015",
    type: "rectification",
    message: "Which of your two addresses should we keep?",
    statusUrl,
  },
  "staff-deadline-reminder": {
    companyName,
    kind: "due",
    reference: "DSAR-2024-0012",
    type: "erasure",
    date: "2024-12-27",
    daysLeft: 3,
    dueDate: "2024-12-27",
    extendBy: "2024-12-27",
    assignedToYou: true,
    requestUrl: "https://portal.example/staff/requests/0b0f1c9e-1111-4222-8333-444455556666",
  },
  "staff-overdue-escalation": {
    companyName,
    reference: "DSAR-2024-0013",
    type: "access",
    dueDate: "2024-12-27",
    daysOverdue: 2,
    assignee: "agent@acme.example",
    requestUrl: "https://portal.example/staff/requests/0b0f1c9e-1111-4222-8333-444455556667",
  },
  "staff-daily-digest": {
    companyName,
    date: "2024-12-24",
    windowDays: 7,
    assigned: {
      total: 3,
      overdue: 1,
      items: [
        {
          reference: "DSAR-2024-0013",
          type: "access",
          dueDate: "2024-12-22",
          daysLeft: -2,
          requestUrl: "https://portal.example/staff/requests/a",
        },
        {
          reference: "DSAR-2024-0012",
          type: "erasure",
          dueDate: "2024-12-27",
          daysLeft: 3,
          requestUrl: "https://portal.example/staff/requests/b",
        },
      ],
    },
    unassigned: null,
    dashboardUrl: "https://portal.example/staff/requests",
  },
  "staff-invitation": { companyName, inviteUrl: "https://portal.example/staff/invite/1nv1te", role: "admin", validHours: 72 },
  "staff-account-locked": { companyName, wrongCodes: 5, lockedMinutes: 15, signInUrl: "https://portal.example/staff/sign-in" },
  "staff-two-factor-turned-off": { companyName, signInUrl: "https://portal.example/staff/sign-in" },
  "staff-recovery-codes-replaced": { companyName, signInUrl: "https://portal.example/staff/sign-in" },
};

const templateNames = Object.keys(emailTemplates) as EmailTemplateName[];

describe("renderEmail", () => {
  describe.each(templateNames)("%s", (name) => {
    it.each(EMAIL_LOCALES)("renders HTML in %s with the lang attribute, plain text and a subject", async (locale) => {
      const email = await renderEmail(name, locale, sampleProps[name]);
      expect(email.html).toContain(`lang="${locale}"`);
      expect(email.html).toContain("Acme &amp; Fils");
      expect(email.text).toContain("Acme & Fils");
      expect(email.subject).toContain("Acme & Fils");
      expect(email.html).not.toMatch(/<img|<script/i);
    });

    it("has a different subject in English and in French", async () => {
      const en = await renderEmail(name, "en", sampleProps[name]);
      const fr = await renderEmail(name, "fr", sampleProps[name]);
      expect(fr.subject).not.toBe(en.subject);
      expect(fr.text).not.toBe(en.text);
    });
  });

  it("puts the code, the confirmation link and the status link in the text version", async () => {
    const { text } = await renderEmail("verify-request", "en", sampleProps["verify-request"]);
    expect(text).toContain("493817");
    expect(text).toContain("https://portal.example/verify?token=t0k3n");
    expect(text).toContain(statusUrl);
    expect(text).toContain("expire after 24 hours");
    expect(text).toContain("DSAR-2024-0002: erasure of your data");
  });

  it("asks to confirm the requests, in the plural when there are several, in both languages", async () => {
    const two = sampleProps["verify-request"];
    const one = { ...two, references: ["DSAR-2024-0001"], types: ["access"] };
    expect((await renderEmail("verify-request", "fr", two)).html).toContain("Confirmer mes demandes");
    expect((await renderEmail("verify-request", "fr", one)).html).toContain("Confirmer ma demande");
    expect((await renderEmail("verify-request", "en", two)).html).toContain("Confirm my requests");
    expect((await renderEmail("verify-request", "en", one)).html).toContain("Confirm my request<");
  });

  it("tells the person who filed for them and what to do if they did not authorise it, in both languages", async () => {
    const props = { ...sampleProps["verify-request"], agent: { name: "Ada Agent", organisation: "Privacy Helpers" } };
    const en = await renderEmail("verify-request", "en", props);
    expect(en.text).toContain("Ada Agent, of Privacy Helpers, told us");
    expect(en.text).toContain("If you did not authorise this person, do not confirm");
    const fr = await renderEmail("verify-request", "fr", props);
    expect(fr.text).toContain("Ada Agent, de Privacy Helpers, nous a indiqué");
    expect(fr.text).toContain("Si vous n’avez pas autorisé cette personne, ne confirmez pas");
    const plain = await renderEmail("verify-request", "en", sampleProps["verify-request"]);
    expect(plain.text).not.toContain("filed this request for you");
  });

  it("tells the agent the person must confirm, and why a refusal, in both languages", async () => {
    const received = await renderEmail("agent-request-received", "fr", sampleProps["agent-request-received"]);
    expect(received.text).toContain("Elle doit nous confirmer la demande elle-même dans les 30 jours");
    expect(received.text).not.toMatch(/https?:\/\/[^\s]*(verify|status)/);
    const denied = await renderEmail("agent-request-denied", "en", sampleProps["agent-request-denied"]);
    expect(denied.subject).toBe("Acme & Fils cannot act on the request DSAR-2024-0001 you filed");
    expect(denied.text).toContain("does not show that the person the request is about authorised you");
    expect(denied.text).toContain("The form is not signed.");
    const person = await renderEmail("request-denied", "fr", {
      ...sampleProps["request-denied"],
      reason: "AGENT_AUTHORITY_NOT_SHOWN",
    });
    expect(person.text).toContain("Quelqu’un a fait cette demande en votre nom");
  });

  it("shows request types as words in French", async () => {
    const { text, subject } = await renderEmail("verify-request", "fr", sampleProps["verify-request"]);
    expect(subject).toBe("Confirmez votre adresse e-mail pour envoyer votre demande à Acme & Fils");
    expect(text).toContain("DSAR-2024-0001\u00a0: accès à vos données");
    expect(text).toContain("au bout de 24 heures");
  });

  it("formats the due date for each locale without shifting the day", async () => {
    const en = await renderEmail("request-acknowledged", "en", sampleProps["request-acknowledged"]);
    const fr = await renderEmail("request-acknowledged", "fr", sampleProps["request-acknowledged"]);
    expect(en.text).toContain("We must answer by Friday 27 December 2024.");
    expect(fr.text).toContain("Nous devons vous répondre au plus tard le vendredi 27 décembre 2024.");
    expect(fr.text).toContain("Comment cette date a été calculée".toUpperCase());
    expect(fr.text).toContain("One month later (GDPR Art. 12(3)): 2024-12-27.");
  });

  it("writes the dates of a US resident's email month first, and everyone else's day first", async () => {
    const us = await renderEmail("request-acknowledged", "en", sampleProps["request-acknowledged"], "US");
    const uk = await renderEmail("request-acknowledged", "en", sampleProps["request-acknowledged"], "GB");
    expect(us.text).toContain("We must answer by Friday, December 27, 2024.");
    expect(uk.text).toContain("We must answer by Friday 27 December 2024.");
    const extended = await renderEmail("deadline-extended", "en", sampleProps["deadline-extended"], "US");
    expect(extended.text).toMatch(/[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, 20\d\d/);
    const ready = await renderEmail("package-ready", "en", sampleProps["package-ready"], "US");
    expect(ready.text).toMatch(/[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, 20\d\d/);
  });

  it("mentions the acknowledgement date only when the law sets one", async () => {
    const props = { ...sampleProps["request-acknowledged"], acknowledgeBy: "2024-12-06" };
    const { text } = await renderEmail("request-acknowledged", "en", props);
    expect(text).toContain("by Friday 6 December 2024: this email is that confirmation");
  });

  it("shows both dates of an extension and the right to complain", async () => {
    const { text } = await renderEmail("deadline-extended", "fr", sampleProps["deadline-extended"]);
    expect(text).toContain("vendredi 27 décembre 2024");
    expect(text).toContain("jeudi 27 février 2025");
    expect(text).toContain("Your data is spread across 14 systems.");
    expect(text).toContain("autorité de contrôle");
  });

  it("says whether the clock is paused while waiting for an answer", async () => {
    const props = sampleProps["information-requested"];
    const paused = await renderEmail("information-requested", "en", props);
    const running = await renderEmail("information-requested", "en", { ...props, clockPaused: false });
    expect(paused.text).toContain("is paused until you reply");
    expect(running.text).not.toContain("paused");
  });

  it("says a withdrawal stops further work, in both languages, without claiming nothing was done before", async () => {
    // A request withdrawn while in progress may already be partly carried out (rows erased by one source).
    const en = await renderEmail("request-withdrawn", "en", sampleProps["request-withdrawn"]);
    const fr = await renderEmail("request-withdrawn", "fr", sampleProps["request-withdrawn"]);
    expect(en.text).toContain("We will not do anything further on it.");
    expect(fr.text).toContain("Nous ne ferons plus rien à son sujet.");
    expect(fr.text).not.toContain("aucune suite");
  });

  it("escapes markup in a staff message and keeps its line breaks", async () => {
    const props = {
      ...sampleProps["information-requested"],
      message: 'Please confirm <script>alert("x")</script> & <b>this</b>\nSecond line',
    };
    const { html, text } = await renderEmail("information-requested", "en", props);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>this</b>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toMatch(/&lt;\/b&gt;<br\/>Second line/);
    expect(text).toContain('<script>alert("x")</script> & <b>this</b>\nSecond line');
  });

  it("rejects bad props naming the template and the field", async () => {
    const badCode = { ...sampleProps["verify-request"], code: "12ab" };
    await expect(renderEmail("verify-request", "en", badCode)).rejects.toThrow(/"verify-request".*code: must be 6 digits/);

    const missing = { ...sampleProps["request-withdrawn"], statusUrl: undefined };
    await expect(renderEmail("request-withdrawn", "en", missing)).rejects.toThrow(/"request-withdrawn".*statusUrl/);

    const scriptUrl = { ...sampleProps["request-expired"], newRequestUrl: "javascript:alert(1)" };
    await expect(renderEmail("request-expired", "en", scriptUrl)).rejects.toThrow(/newRequestUrl/);

    const badDate = { ...sampleProps["request-acknowledged"], dueDate: "27/12/2024" };
    await expect(renderEmail("request-acknowledged", "en", badDate)).rejects.toThrow(/dueDate/);

    const unknownType = { ...sampleProps["request-withdrawn"], type: "deletion" };
    await expect(renderEmail("request-withdrawn", "en", unknownType)).rejects.toThrow(/type/);
  });

  it("rejects references and types that do not line up", async () => {
    const props = { ...sampleProps["verify-request"], types: ["access"] };
    await expect(renderEmail("verify-request", "en", props)).rejects.toThrow(/types: must list one request type per reference/);
  });

  it("rejects a field no template expects, so a typo in a job payload is caught", async () => {
    const props = { ...sampleProps["request-withdrawn"], refrence: "DSAR-1" };
    await expect(renderEmail("request-withdrawn", "en", props)).rejects.toThrow(/refrence/);
  });

  it("rejects an unknown template by name", async () => {
    await expect(renderEmail("password-reset", "en", {})).rejects.toThrow(/Unknown email template "password-reset"/);
  });
});
