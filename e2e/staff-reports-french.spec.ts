// The staff reports, users and authorized agents pages, and the queues refusal, for a member whose
// browser asks for French (no saved choice): headings, labels, buttons, refusals and outcomes are in
// French, and none of the English words they replaced is left on the page.
import { expect, type Page, test } from "@playwright/test";
import { e2ePorts } from "./support/ports.ts";
import { createStaff, type StaffAccount, sessionCookieFor } from "./support/staff.ts";

test.use({ locale: "fr-FR" });

/** Signed in as if through both factors (the sign-in pages are not what this file checks). */
async function signInAs(page: Page, account: StaffAccount) {
  const value = await sessionCookieFor(account);
  await page.context().addCookies([{ name: "dsar_staff_session", value, url: `http://127.0.0.1:${e2ePorts.web}` }]);
}

async function expectNoEnglish(page: Page, english: string[]) {
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what a person reads (not hidden templates or scripts)
  const text = await page.locator("body").innerText();
  expect(english.filter((words) => text.includes(words))).toEqual([]);
}

test("an admin reads the reports, the register and the record of processing in French", async ({ page }) => {
  await signInAs(page, await createStaff("admin"));
  await page.goto("/staff/reports");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page).toHaveTitle(/^Rapports · Équipe/);
  await expect(page.getByRole("heading", { level: 1, name: "Registre des demandes et indicateurs" })).toBeVisible();
  await expect(page.getByLabel("Du (reçues à partir du)")).toBeVisible();
  await expect(page.getByLabel("Au (reçues jusqu’au)")).toBeVisible();
  await expect(page.getByLabel("Juridiction", { exact: true }).locator("option").first()).toHaveText("Toutes les juridictions");
  await expect(page.getByRole("button", { name: "Afficher le rapport" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Périodes courantes" }).getByRole("link", { name: "12 derniers mois" }),
  ).toHaveAttribute("aria-current", "true");
  for (const heading of ["Téléchargements", "Indicateurs par droit", "Réponses dans les délais par juridiction", "Registre"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "CSV (tableur)" })).toHaveAttribute("href", /format=csv/);
  await expect(page.getByRole("table", { name: /^Demandes par droit, reçues du / })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Satisfaites en totalité" }).first()).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Tous les droits" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Comment les chiffres sont comptés" })).toBeVisible();
  await expectNoEnglish(page, [
    "Request register and metrics",
    "From (received on or after)",
    "Show report",
    "Last 12 months",
    "Common periods",
    "Downloads",
    "Metrics per right",
    "Answered on time per jurisdiction",
    "Requests per right",
    "Complied in whole",
    "Never verified",
    "Still open",
    "All rights",
    "All jurisdictions",
    "How the numbers are counted",
    "Columns of the register",
    "Record of processing",
    "No request was received",
    "Days to respond",
  ]);

  // A wrong address is explained in French, field by field.
  await page.goto("/staff/reports?from=2025-02-30&to=2025-12-31");
  const problems = page.getByRole("alert").filter({ hasText: "période par défaut" });
  await expect(problems).toContainText("Du : n’est pas une date du calendrier.");
  await expectNoEnglish(page, ["is not a date of the calendar", "uses the default period"]);

  // The record of processing opens in the member's language.
  await page.getByRole("link", { name: "Registre des traitements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
  await expect(page).toHaveTitle(/^Registre des traitements · Équipe/);
  await page.goto("/staff/reports/processing?version=0");
  // By its name: Next's route announcer is an alert too.
  await expect(page.getByRole("alert", { name: /^Le registre ci-dessous ignore/ })).toContainText(
    "Version : Choisissez une version dans la liste",
  );
});

test("an admin manages users and authorized agents in French", async ({ page }) => {
  const admin = await createStaff("admin");
  const colleague = await createStaff("agent");
  await signInAs(page, admin);
  await page.goto("/staff/users");
  await expect(page).toHaveTitle(/^Utilisateurs · Équipe/);
  await expect(page.getByRole("heading", { level: 1, name: "Utilisateurs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Inviter une personne" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Dernière activité" })).toBeVisible();
  await expect(page.getByText(`${admin.email} (vous)`)).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: colleague.email });
  await expect(row.getByLabel(`Rôle de ${colleague.email}`).locator("option:checked")).toHaveText("agent");
  await expect(row.getByRole("button", { name: "Changer le rôle" })).toBeVisible();
  await expectNoEnglish(page, [
    "Invite someone",
    "Everyone who works in the staff workspace",
    "Two-factor",
    "Last active",
    "Change role",
    "Send the invitation again",
    "Reset two-factor",
    "(you)",
  ]);
  await row.getByRole("button", { name: "Désactiver" }).click();
  await expect(row).toContainText(`${colleague.email} sera déconnecté et ne pourra plus se connecter.`);
  await row.getByRole("button", { name: "Oui, désactiver" }).click();
  await expect(row).toContainText("Compte désactivé ; aucune session ouverte à fermer.");
  await expect(page.getByRole("row").filter({ hasText: colleague.email })).toContainText("Désactivé depuis le");

  await page.goto("/staff/users/invite");
  await expect(page.getByRole("heading", { level: 1, name: "Inviter une personne" })).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill(admin.email);
  await page.getByRole("radio", { name: /^Auditeur : / }).check();
  await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
  await expect(page.getByText("Cette adresse a déjà un compte de l’équipe.")).toBeVisible();
  await expectNoEnglish(page, ["Invite someone", "Send the invitation", "already has a staff account", "handles requests"]);

  await page.goto("/staff/agents");
  await expect(page).toHaveTitle(/^Mandataires autorisés · Équipe/);
  await expect(page.getByRole("heading", { level: 1, name: "Mandataires autorisés" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Autoriser un mandataire" })).toBeVisible();
  await page.getByLabel("Identifiant du mandataire (dans l’annuaire des mandataires DRP)").fill(`FR_TEST_${Date.now()}`);
  await page.getByLabel("Nom", { exact: true }).fill("Mandataire d’essai");
  await page.getByLabel(/^Clé de vérification/).fill("pas-une-cle");
  await page.getByRole("button", { name: "Autoriser ce mandataire" }).click();
  await expect(page.getByText(/la clé de vérification doit être le base64/)).toBeVisible();
  await expectNoEnglish(page, [
    "Authorized agents file requests",
    "Trust an agent",
    "Trust this agent",
    "Verify key",
    "Rotate key",
    "verify key must be",
  ]);
});

test("an auditor opening the queues dashboard gets the French refusal", async ({ page }) => {
  await signInAs(page, await createStaff("auditor"));
  const response = await page.goto("/staff/queues");
  expect(response?.status()).toBe(403);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Accès non autorisé" })).toBeVisible();
  await expectNoEnglish(page, ["Not allowed", "Your role does not give access", "Back to the requests"]);
  await page.getByRole("link", { name: "Retour aux demandes" }).click();
  await page.waitForURL(/\/staff\/requests/);
});
