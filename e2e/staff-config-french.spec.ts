// The staff configuration pages for a member whose browser asks for French: the connectors list, a
// connector's page, "propose a mapping" and a settings page read in French (headings, labels,
// buttons, a validation error of the connector's config), and none of the English labels they used
// to show remains on screen.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { runAdmin } from "./support/admin-cli.ts";
import { createStaff, sessionCookieFor } from "./support/staff.ts";

test.use({ locale: "fr-FR" });

const key = `e2e-registre-${Date.now().toString(36)}`;

/** English labels these pages showed before they were translated; none may remain for a French reader. */
const ENGLISH = [
  "Add a connector",
  "Propose a mapping",
  "No connectors yet",
  "Times in",
  "Last 7 days",
  "Concurrency",
  "Attempts",
  "Enabled",
  "Disable",
  "Save changes",
  "Actions it carries out",
  "Data map",
  "(YAML or JSON",
  "Field descriptions",
  "cannot change",
  "Nothing was saved",
  "Rows sampled per table",
  "Table that identifies the person",
  "Reading the database",
  "Rights offered to everyone",
  "Offer to everyone",
  "Granted by law",
  "Save the rights",
  "Settings",
  "Retention",
  "Reminders and escalation",
];

async function expectNoEnglish(page: Page) {
  const text = (await page.locator("main").allInnerTexts()).join("\n");
  expect(ENGLISH.filter((label) => text.includes(label))).toEqual([]);
}

test.beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "dsar-e2e-")), "connectors.yaml");
  writeFileSync(
    file,
    `connectors:
  - key: ${key}
    name: Registre papier
    type: manual
    actions: [access]
    config:
      instructions: "Consulter le registre papier."
`,
  );
  runAdmin(["apply-connectors", file]);
});

test.beforeEach(async ({ context, baseURL }) => {
  const admin = await createStaff("admin");
  await context.addCookies([{ name: "dsar_staff_session", value: await sessionCookieFor(admin), url: baseURL as string }]);
});

test("an administrator reads the connectors list, a connector and its validation errors in French", async ({ page }) => {
  await page.goto("/staff/connectors");
  await expect(page.getByRole("heading", { level: 1, name: "Connecteurs" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ajouter un connecteur" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "7 derniers jours" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: key }) });
  await expect(row).toContainText("accès");
  await expect(row.getByRole("button", { name: "Tester" })).toBeVisible();
  await expectNoEnglish(page);

  await row.getByRole("link", { name: key }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registre papier" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Cartographie des données" })).toBeVisible();
  await expect(page.locator(".connector-identity")).toContainText("ne peut pas changer");
  await expect(page.getByRole("group", { name: "Opérations qu’il exécute" }).getByRole("checkbox", { name: "accès" })).toBeChecked();
  await expectNoEnglish(page);

  // Instructions too short: the manual type's own check, in French, under the configuration.
  await page.getByLabel(/^Configuration/).fill('instructions: "Court"');
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Rien n’a été enregistré" });
  await expect(alert).toContainText("Rédigez les consignes que l’équipe suit (au moins 10 caractères)");
  await expect(page.getByLabel(/^Configuration/)).toHaveAttribute("aria-invalid", "true");
  await expectNoEnglish(page);
});

test("an administrator reads the propose-a-mapping page and a settings page in French", async ({ page }) => {
  await page.goto("/staff/connectors/discover");
  await expect(page.getByRole("heading", { level: 1, name: "Proposer une cartographie" })).toBeVisible();
  await page.getByRole("button", { name: "Proposer une cartographie" }).click();
  await expect(page.getByText("Corrigez les champs signalés ci-dessous.")).toBeVisible();
  await expect(page.getByLabel("Adresse", { exact: true })).toHaveAccessibleDescription(/Indiquez l’adresse de la base de données/);
  await expect(page.getByLabel("Lignes échantillonnées par table (facultatif)")).toBeVisible();
  await expectNoEnglish(page);

  await page.goto("/staff/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();
  await page.getByRole("link", { name: "Droits offerts à tous" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Droits offerts à tous" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Offrir à tous, où qu’ils vivent" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Opposition à la vente ou au partage" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer les droits offerts à tous" })).toBeVisible();
  await expectNoEnglish(page);
});
