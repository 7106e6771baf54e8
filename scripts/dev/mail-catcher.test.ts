import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaughtMessage, type MailCatcher, startMailCatcher } from "./mail-catcher.ts";

const frenchSubject = "Votre demande a été reçue : accès à vos données — « Acme & Fils »";

describe("mail catcher", () => {
  let catcher: MailCatcher;
  let inbox: string;

  beforeAll(async () => {
    catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    inbox = `http://127.0.0.1:${catcher.httpPort}`;
  });

  afterAll(async () => {
    await catcher.close();
  });

  async function listMessages(query = ""): Promise<CaughtMessage[]> {
    const response = await fetch(`${inbox}/api/messages${query}`);
    expect(response.headers.get("content-type")).toContain("application/json");
    return response.json();
  }

  it("picks free ports when asked for port 0", () => {
    expect(catcher.smtpPort).toBeGreaterThan(0);
    expect(catcher.httpPort).toBeGreaterThan(0);
    expect(catcher.httpPort).not.toBe(catcher.smtpPort);
  });

  it("receives mail sent by nodemailer, with or without credentials", async () => {
    // As the app configures it in development: a bare smtp:// URL.
    const byUrl = nodemailer.createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    await byUrl.sendMail({
      from: '"Acme & Fils" <privacy@acme.example>',
      to: "Alice@Example.com",
      subject: "Confirm your email address",
      text: "Your code is 493817.\nhttps://portal.example/verify?token=abc",
      html: "<p>Your code is <strong>493817</strong>.</p>",
    });
    // A transport with credentials and TLS explicitly off must also get through.
    const withAuth = nodemailer.createTransport({
      host: "127.0.0.1",
      port: catcher.smtpPort,
      secure: false,
      ignoreTLS: true,
      auth: { user: "dev", pass: "dev" },
    });
    await withAuth.sendMail({
      from: "privacy@acme.example",
      to: "bob@example.com",
      bcc: "audit@acme.example",
      subject: frenchSubject,
      text: "Nous avons bien reçu votre demande. Échéance : vendredi 27 décembre 2024.",
      html: '<p>Nous avons bien reçu votre demande.</p><script>alert("x")</script>',
    });

    const messages = await listMessages();
    expect(messages.map((m) => m.subject)).toEqual([frenchSubject, "Confirm your email address"]);
    const [french, english] = messages;
    expect(french.to).toEqual(["bob@example.com", "audit@acme.example"]);
    expect(french.text).toContain("Échéance : vendredi 27 décembre 2024.");
    expect(french.html).toContain("<p>Nous avons bien reçu votre demande.</p>");
    expect(english.from).toBe('"Acme & Fils" <privacy@acme.example>');
    expect(english.text).toContain("493817");
    expect(english.headers.subject).toBe("Confirm your email address");
    expect(english.headers["content-type"]).toBe("multipart/alternative");
    expect(Date.parse(english.receivedAt)).not.toBeNaN();
    expect(catcher.messages()).toEqual(messages);
  });

  it("filters by recipient, ignoring case", async () => {
    const forAlice = await listMessages("?to=alice@EXAMPLE.com");
    expect(forAlice.map((m) => m.subject)).toEqual(["Confirm your email address"]);
    expect(await listMessages(`?to=${encodeURIComponent("AUDIT@acme.example")}`)).toHaveLength(1);
    expect(await listMessages("?to=nobody@example.com")).toEqual([]);
  });

  it("returns one message by id, and 404 for an unknown one", async () => {
    const [latest] = await listMessages();
    const found = await fetch(`${inbox}/api/messages/${latest.id}`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as CaughtMessage).subject).toBe(frenchSubject);
    expect((await fetch(`${inbox}/api/messages/does-not-exist`)).status).toBe(404);
  });

  it("lists messages on the inbox page with subjects escaped", async () => {
    const response = await fetch(`${inbox}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain("Votre demande a été reçue : accès à vos données — « Acme &amp; Fils »");
    expect(page).toContain("bob@example.com");
    expect(page.indexOf(frenchSubject.replace("&", "&amp;"))).toBeLessThan(page.indexOf("Confirm your email address"));
  });

  it("shows a message with its HTML only inside a sandboxed srcdoc iframe", async () => {
    const [latest, older] = await listMessages();
    const page = await (await fetch(`${inbox}/messages/${latest.id}`)).text();
    expect(page).toContain('<iframe title="HTML version of the message" sandbox="allow-popups');
    expect(page).toContain('srcdoc="&lt;p&gt;Nous avons bien reçu votre demande.&lt;/p&gt;&lt;script&gt;alert(&quot;x&quot;)');
    expect(page).not.toContain("<script");

    const olderPage = await (await fetch(`${inbox}/messages/${older.id}`)).text();
    expect(olderPage).toContain(
      '<a href="https://portal.example/verify?token=abc" rel="noreferrer">https://portal.example/verify?token=abc</a>',
    );
    expect((await fetch(`${inbox}/messages/nope`)).status).toBe(404);
  });

  it("answers 404 for unknown pages and 405 for unsupported methods", async () => {
    expect((await fetch(`${inbox}/nowhere`)).status).toBe(404);
    const post = await fetch(`${inbox}/api/messages`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, DELETE");
  });

  it("refuses a message over 10 MB", async () => {
    const transport = nodemailer.createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
    const huge = "x".repeat(11 * 1024 * 1024);
    await expect(transport.sendMail({ from: "a@example.com", to: "b@example.com", subject: "huge", text: huge })).rejects.toThrow(
      /552|size|exceed/i,
    );
    expect((await listMessages()).map((m) => m.subject)).not.toContain("huge");
  });

  it("clears every message", async () => {
    const response = await fetch(`${inbox}/api/messages`, { method: "DELETE" });
    expect(response.status).toBe(204);
    expect(await listMessages()).toEqual([]);
    expect(await (await fetch(`${inbox}/`)).text()).toContain("No messages yet");
  });
});

describe("mail catcher limits and shutdown", () => {
  it("keeps only the newest messages beyond maxMessages", async () => {
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0, maxMessages: 2 });
    try {
      const transport = nodemailer.createTransport(`smtp://127.0.0.1:${catcher.smtpPort}`);
      for (const subject of ["one", "two", "three"]) {
        await transport.sendMail({ from: "a@example.com", to: "b@example.com", subject, text: subject });
      }
      expect(catcher.messages().map((m) => m.subject)).toEqual(["three", "two"]);
      catcher.clear();
      expect(catcher.messages()).toEqual([]);
    } finally {
      await catcher.close();
    }
  });

  it("frees both ports on close", async () => {
    const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    await fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages`);
    await catcher.close();
    await expect(fetch(`http://127.0.0.1:${catcher.httpPort}/api/messages`)).rejects.toThrow();
    const again = await startMailCatcher({ smtpPort: catcher.smtpPort, httpPort: catcher.httpPort });
    await again.close();
  });

  it("fails to start, without leaking the SMTP server, when the HTTP port is taken", async () => {
    const first = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    try {
      await expect(startMailCatcher({ smtpPort: 0, httpPort: first.httpPort })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });

  it("keeps its messages in a file across restarts when given one", async () => {
    const folder = mkdtempSync(join(tmpdir(), "mail-catcher-"));
    const storeFile = join(folder, "inbox.json");
    const first = await startMailCatcher({ smtpPort: 0, httpPort: 0, storeFile });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: first.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: "portal@example.test", to: "kept@example.test", subject: "Kept across restarts", text: "Hello" });
    transport.close();
    await first.close();
    const second = await startMailCatcher({ smtpPort: 0, httpPort: 0, storeFile });
    try {
      expect(second.messages().map((m) => m.subject)).toEqual(["Kept across restarts"]);
      second.clear();
    } finally {
      await second.close();
    }
    const third = await startMailCatcher({ smtpPort: 0, httpPort: 0, storeFile });
    expect(third.messages()).toEqual([]);
    await third.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
