import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { codeIn, inbox, linkIn, sql, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { e2ePorts, e2eStateFile } from "./support/ports.ts";

async function fileRequest(page: Page, locale: "en" | "fr", email: string, rights: string[], country: string) {
  await page.goto(`/${locale}`);
  for (const right of rights) await page.getByRole("checkbox", { name: right, exact: true }).check();
  await page.getByLabel(locale === "fr" ? "Pays de résidence" : "Country where you live").selectOption(country);
  await page.getByLabel(locale === "fr" ? "Adresse e-mail" : "Email address").fill(email);
  await page.getByRole("button", { name: locale === "fr" ? "Envoyer ma demande" : "Send my request" }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/submitted\\?ref=DSR-`));
}

test("a person files a request in French, opens the link from the email, confirms and sees it confirmed", async ({ page }) => {
  const email = uniqueEmail("fr");
  await fileRequest(page, "fr", email, ["Accès", "Effacement"], "FR");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultez vos e-mails");
  const references = await page.getByText(/DSR-[0-9A-Z]{4}-[0-9A-Z]{4}/).allTextContents();
  expect(references.join(" ")).toMatch(/DSR-/);

  const message = await waitForEmail(inbox, email);
  expect(message.subject).toMatch(/confirm/i);
  expect(message.text).toContain("Confirmer mes demandes"); // two requests in one email
  // Opening the link verifies nothing by itself: a mail scanner would open it too.
  await page.goto(linkIn(message, "verify"));
  await expect(page.getByRole("button", { name: "Confirmer ma demande" })).toBeVisible();
  const before = await sql("SELECT status FROM requests WHERE email = $1", [email]);
  expect(before.map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
  await page.getByRole("button", { name: "Confirmer ma demande" }).click();
  // The confirmation is the status page itself: the requests as they stand, under a private link.
  await expect(page.getByRole("heading", { name: "Votre adresse e-mail est confirmée" })).toBeVisible();
  await expect(page).toHaveURL(/\/fr\/status\/[^/?]+\?confirmed=1$/);
  await expect(page.getByText("Reçue et confirmée").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Consultez vos e-mails" })).toHaveCount(0);

  await page.goto(linkIn(message, "status"));
  await expect(page.getByText("Reçue et confirmée").first()).toBeVisible();
  await expect(page.getByText(/à répondre|date limite|au plus tard/i).first()).toBeVisible();
  const acknowledgement = await waitForEmail(inbox, email, (m) => m.id !== message.id);
  expect(acknowledgement.text).toMatch(/20\d\d/);
});

test("a person confirms with the 6-digit code on the page", async ({ page }) => {
  const email = uniqueEmail("code");
  await fileRequest(page, "en", email, ["Access"], "GB");
  const code = codeIn(await waitForEmail(inbox, email));
  await page.getByLabel("6-digit code from the email").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByText(/This code is not right\. You have 4 attempts left\./)).toBeVisible();
  await page.getByLabel("6-digit code from the email").fill(code);
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  // No "check your email" left above it: the page is the status page, true to the request's state.
  await expect(page).toHaveURL(/\/en\/status\/[^/?]+\?confirmed=1$/);
  await expect(page.getByRole("heading", { name: "Check your email" })).toHaveCount(0);
  await expect(page.getByText(/If the address is not confirmed within/)).toHaveCount(0);
  await expect(page.getByText("Received and confirmed").first()).toBeVisible();
  // A reader in the United Kingdom reads the due date day first ("7 January 2027").
  await expect(page.locator("dt", { hasText: "Answer due by" }).locator("+ dd")).toHaveText(/^\d{1,2} [A-Z][a-z]+ 20\d\d$/);
  const rows = await sql("SELECT status, jurisdiction FROM requests WHERE email = $1", [email]);
  expect(rows).toEqual([{ status: "VERIFIED", jurisdiction: "UK_GDPR" }]);
});

test("once codes are used up, the page offers no code form and no new code, and says to use the link or start again (in French)", async ({
  page,
}) => {
  const email = uniqueEmail("used-up");
  await fileRequest(page, "fr", email, ["Accès"], "FR");
  const code = codeIn(await waitForEmail(inbox, email));
  // Eleven wrong tries already counted for this request: the next wrong code is the last one allowed.
  await sql(
    `UPDATE verification_challenges SET attempts = 4 WHERE "submissionId" = (SELECT "submissionId" FROM requests WHERE email = $1)`,
    [email],
  );
  await sql(
    `INSERT INTO verification_challenges (id, "submissionId", "tokenHash", "codeHash", "expiresAt", "voidedAt", attempts, "createdAt")
     SELECT gen_random_uuid(), "submissionId", 'voided-' || gen_random_uuid(), 'voided', now() + interval '1 day', now(), 7, now() - interval '2 days'
     FROM requests WHERE email = $1`,
    [email],
  );
  await page.getByLabel("Code à 6 chiffres reçu par e-mail").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Confirmer", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Confirmez avec le lien de notre e-mail" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Utilisez le lien de notre e-mail le plus récent");
  await expect(page.getByLabel("Code à 6 chiffres reçu par e-mail")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "M’envoyer un nouveau code" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Faire une nouvelle demande" })).toHaveAttribute("href", "/fr");
});

test("after the last new code allowed, the button goes and the code of the latest email still works", async ({ page }) => {
  const email = uniqueEmail("resend-cap");
  await fileRequest(page, "en", email, ["Access"], "GB");
  const seen = new Set<string>();
  const nextEmail = async () => {
    const message = await waitForEmail(inbox, email, (m) => /confirm/i.test(m.subject) && !seen.has(m.id));
    seen.add(message.id);
    return message;
  };
  let latest = await nextEmail();
  const resend = page.getByRole("button", { name: "Send me a new code" });
  for (let sent = 1; sent <= 5; sent++) {
    await resend.click();
    await expect(page.getByText("A new email is on its way")).toBeVisible();
    // Each new email is waited for before the next click, so the last one read is the latest.
    latest = await nextEmail();
  }
  await resend.click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Use the link or the code in the most recent email from us");
  await expect(resend).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Make a new request" })).toBeVisible();
  await page.getByLabel("6-digit code from the email").fill(codeIn(latest));
  await page.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
});

test("an expired link says it has expired and verifies nothing", async ({ page }) => {
  const email = uniqueEmail("expired");
  await fileRequest(page, "en", email, ["Portability"], "DE");
  const message = await waitForEmail(inbox, email);
  await sql(
    `UPDATE verification_challenges SET "expiresAt" = now() - interval '1 hour'
     WHERE "submissionId" = (SELECT "submissionId" FROM requests WHERE email = $1)`,
    [email],
  );
  await page.goto(linkIn(message, "verify"));
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByText(/expired/i).first()).toBeVisible();
  const rows = await sql("SELECT status FROM requests WHERE email = $1", [email]);
  expect(rows).toEqual([{ status: "SUBMITTED" }]);
});

test("a form with errors shows each one next to its field, in the page's language", async ({ page }) => {
  await page.goto("/fr");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Pays de résidence").selectOption("US");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  const summary = page.getByRole("alert").first();
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByText("Choisissez au moins un droit.").first()).toBeVisible();
  await expect(page.getByText("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.").first()).toBeVisible();
  await expect(page.getByText(/Choisissez votre État ou votre province/).first()).toBeVisible();
  await expect(page.getByLabel("Adresse e-mail")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("checkbox", { name: "Rectification", exact: true }).check();
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  // A rectification shows one correction row to fill in; left empty, each of its fields says what is missing.
  await expect(page.getByText(/^Choisissez l’information inexacte/).first()).toBeVisible();
  await expect(page.getByLabel("Ce qui est inexact")).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toMatch(/\/fr$/);
});

test("a person withdraws an open request from the status page", async ({ page }) => {
  const email = uniqueEmail("withdraw");
  await fileRequest(page, "en", email, ["Erasure"], "FR");
  const message = await waitForEmail(inbox, email);
  await page.goto(linkIn(message, "status"));
  await page.getByRole("button", { name: "Withdraw this request" }).click();
  await expect(page.getByText("Do you want to withdraw this request?")).toBeVisible();
  await page.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(page.getByText(/has been withdrawn/)).toBeVisible();
  await expect(page.getByText("Withdrawn").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw this request" })).toHaveCount(0);
  const rows = await sql("SELECT status FROM requests WHERE email = $1", [email]);
  expect(rows).toEqual([{ status: "WITHDRAWN" }]);
  await waitForEmail(inbox, email, (m) => m.id !== message.id && /withdr/i.test(m.subject));
});

test("the home page follows the browser's language and every page offers the other language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/fr$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await context.close();
});

test("pages are served with a strict Content-Security-Policy and no framing", async ({ request }) => {
  const response = await request.get("/en");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers()["referrer-policy"]).toBe("same-origin");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a person answers the privacy team's question on the status page, and the clock resumes", async ({ page }) => {
  const email = uniqueEmail("answer");
  await fileRequest(page, "en", email, ["Access"], "FR");
  const message = await waitForEmail(inbox, email);
  await page.goto(linkIn(message, "verify"));
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
  // The privacy team asks a question through the operator CLI (the staff workspace comes later).
  const [{ reference }] = await sql<{ reference: string }>("SELECT reference FROM requests WHERE email = $1", [email]);
  const state = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { databaseUrl: string; encryptionKey: string; queuePrefix: string };
  const asked = spawnSync(
    "npx",
    ["tsx", "scripts/admin.ts", "ask-for-information", "--reference", reference, "--message", "Which of your two accounts do you mean?"],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        DATABASE_URL: state.databaseUrl,
        ENCRYPTION_KEY: state.encryptionKey,
        REDIS_URL: "redis://127.0.0.1:6379",
        QUEUE_PREFIX: state.queuePrefix,
        SMTP_URL: "smtp://127.0.0.1:1?tls=off",
        MAIL_FROM: "privacy@example.test",
        APP_URL: `http://127.0.0.1:${e2ePorts.web}`,
      } as NodeJS.ProcessEnv,
    },
  );
  expect(asked.stdout + asked.stderr).toContain("the clock is paused");
  const question = await waitForEmail(inbox, email, (m) => /two accounts/.test(m.text));
  await page.goto(linkIn(question, "status"));
  await expect(page.getByText("Waiting for information from you").first()).toBeVisible();
  await expect(page.getByText("Which of your two accounts do you mean?")).toBeVisible();
  await page.getByLabel("Your answer").fill("The one ending in 42.");
  await page.getByRole("button", { name: "Send my answer" }).click();
  await expect(page.getByText(/Your answer about request .* was sent/)).toBeVisible();
  await expect(page.getByText("Received and confirmed").first()).toBeVisible();
  await expect(page.getByText("The one ending in 42.")).toBeVisible();
  const events = await sql<{ type: string }>(
    `SELECT c.type FROM clock_events c JOIN requests r ON r.id = c."requestId" WHERE r.email = $1 ORDER BY c.at`,
    [email],
  );
  expect(events.map((e) => e.type)).toEqual(["PAUSE", "RESUME"]);
});

test("the confirmation link pressed again after the answer shows the request as completed, not as being reviewed", async ({ page }) => {
  const email = uniqueEmail("again");
  await fileRequest(page, "en", email, ["Access"], "GB");
  const message = await waitForEmail(inbox, email);
  await page.goto(linkIn(message, "verify"));
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page.getByText("Received and confirmed").first()).toBeVisible();
  await sql(`UPDATE requests SET status = 'COMPLETED', outcome = 'FULFILLED', "closedAt" = now() WHERE email = $1`, [email]);
  await page.goto(linkIn(message, "verify"));
  await page.getByRole("button", { name: "Confirm my request" }).click();
  await expect(page).toHaveURL(/\/en\/status\/[^/?]+\?confirmed=1$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  await expect(page.getByText(/privacy team is checking your request/)).toHaveCount(0);
});
