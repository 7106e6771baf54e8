// A correction in French, from the form to the status page: the person chooses what is wrong among
// the fields the company can correct, or describes something else; the shop's field is corrected
// in its database at once, the other waits for the privacy team, who correct it by hand, write to
// the person, and read their answer. Screenshots of the form and the status page (1280 px, phone)
// go to test-results/corrections/.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { runAdmin } from "./support/admin-cli.ts";
import { inbox, linkIn, sql, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { createStaff, signIn } from "./support/staff.ts";

test.describe.configure({ mode: "serial" });

const shots = "test-results/corrections";
const phone = { width: 390, height: 844 };

function applyFile(text: string, env: Record<string, string> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), "dsar-e2e-corrections-")), "connectors.yaml");
  writeFileSync(file, text);
  return runAdmin(["apply-connectors", file], env);
}

test.beforeAll(async () => {
  await sql(
    "CREATE TABLE IF NOT EXISTS e2e_fix_customers (id serial PRIMARY KEY, email text NOT NULL, last_name text, address text, phone text)",
  );
  const [{ url }] = await sql<{ url: string }>("SELECT 'postgres://' || current_user || '@127.0.0.1:5432/' || current_database() AS url");
  const output = applyFile(
    `correctableFields:
  lastName:
    label: { en: Surname, fr: Nom de famille }
  postalAddress:
    label: { en: Postal address, fr: Adresse postale }
    hint: { en: As on your deliveries, fr: Telle qu’elle doit figurer sur vos livraisons }
    multiline: true
  dateOfBirth:
    label: { en: Date of birth, fr: Date de naissance }
connectors:
  - key: e2e-fix-shop
    name: Boutique
    type: postgres
    actions: [rectification]
    config:
      url: \${E2E_SHOP_URL}
      tables:
        - table: e2e_fix_customers
          identity: { email: email }
          erase: { strategy: delete }
          rectify: { lastName: last_name, postalAddress: address }
`,
    { E2E_SHOP_URL: url },
  );
  // Declared but mapped by no source: a warning, and the form does not offer it.
  expect(output).toContain('correctable field "dateOfBirth" is mapped by no enabled source');
});

// The other specs file their corrections in words: leave no correctable field behind.
test.afterAll(() => {
  applyFile("connectors: []\n");
});

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("a person asks in French for a correction of the shop's field and of something else, and follows both on the status page", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("rectif-fr");
  await sql("INSERT INTO e2e_fix_customers (email, last_name, address) VALUES ($1, 'Dupont', '1 rue Haute, Paris')", [email]);

  await page.goto("/fr");
  await page.getByRole("checkbox", { name: "Rectification", exact: true }).check();
  const what = page.getByLabel("Ce qui est inexact");
  await expect(what.locator("option")).toHaveText(["Choisir…", "Nom de famille", "Adresse postale", "Autre chose"]);
  // Nothing chosen: the problem is named in French beside the field.
  await page.getByLabel("Pays de résidence").selectOption("FR");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page.getByText(/^Choisissez l’information inexacte/).first()).toBeVisible();
  await expect(what).toHaveAttribute("aria-invalid", "true");

  await what.selectOption({ label: "Nom de famille" });
  await page.getByLabel("Ce que cela devrait être").fill("Dupont-Roy");
  await page.getByRole("button", { name: "Ajouter une autre correction" }).click();
  const second = page.getByRole("group", { name: "Correction 2" });
  await second.getByLabel("Ce qui est inexact").selectOption({ label: "Autre chose" });
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(second.getByText(/Choisissez l’information inexacte/)).toBeVisible();
  await second.getByLabel("Décrivez ce qui est inexact").fill("Le nom sur mes factures");
  await second.getByLabel("Ce que cela devrait être").fill("Jeanne Dupont-Roy");
  await shoot(page, "form-fr");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/\/fr\/submitted\?ref=DSR-/);
  const [row] = await sql<{ reference: string; corrections: unknown }>("SELECT reference, corrections FROM requests WHERE email = $1", [
    email,
  ]);
  expect(row.corrections).toEqual([
    { field: "lastName", correctValue: "Dupont-Roy" },
    { field: "Le nom sur mes factures", correctValue: "Jeanne Dupont-Roy" },
  ]);
  const confirmation = await waitForEmail(inbox, email);
  await page.goto(linkIn(confirmation, "verify"));
  await page.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(page.getByRole("heading", { name: "Votre adresse e-mail est confirmée" })).toBeVisible();

  // The privacy team approves; the shop corrects the surname, the rest waits for them.
  const agent = await createStaff("agent");
  const staff = await browser.newPage();
  await signIn(staff, agent);
  await staff.goto(`/staff/requests/${row.reference}`);
  await staff.getByRole("button", { name: "Approve" }).click();
  const corrections = staff.getByRole("region", { name: "Corrections" });
  await expect(async () => {
    await staff.reload();
    await expect(corrections.getByRole("heading", { name: "Apply these corrections by hand" })).toBeVisible();
  }).toPass({ timeout: 30_000 });
  await expect(corrections.getByRole("row", { name: /Surname/ })).toContainText("Corrected in Boutique (e2e_fix_customers)");
  expect((await sql("SELECT last_name FROM e2e_fix_customers WHERE email = $1", [email]))[0].last_name).toBe("Dupont-Roy");

  const status = linkIn(confirmation, "status");
  await page.goto(status);
  const card = page.getByRole("article");
  await expect(card.getByRole("heading", { name: "Vos corrections" })).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: "Nom de famille" })).toContainText("Corrigé dans Boutique (e2e_fix_customers)");
  await expect(card.getByRole("listitem").filter({ hasText: "Le nom sur mes factures" })).toContainText(
    "En cours de correction par notre équipe",
  );
  await expect(card.getByText("En cours de traitement", { exact: true })).toBeVisible();

  // The team writes; the person answers on the status page; staff read it.
  await staff.getByLabel("Write to the person").fill("Sur quelles factures figure ce nom ?");
  await staff.getByRole("button", { name: "Send to the person" }).click();
  await expect(staff.getByRole("status").filter({ hasText: "Sent." })).toBeVisible();
  const written = await waitForEmail(inbox, email, (m) => m.subject.startsWith("Un message de"));
  expect(written.text).toContain("Sur quelles factures figure ce nom ?");
  await page.goto(linkIn(written, "status"));
  await expect(page.getByText("Sur quelles factures figure ce nom ?")).toBeVisible();
  await page.getByLabel("Votre réponse").fill("Celles de 2025.");
  await page.getByRole("button", { name: "Envoyer ma réponse" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Merci" })).toBeVisible();
  await shoot(page, "status-fr-in-progress");
  await staff.reload();
  await expect(staff.getByRole("region", { name: "Messages with the person" })).toContainText("Celles de 2025.");

  // Staff correct it by hand; the request completes and the person is told what was corrected where.
  await corrections.getByRole("checkbox", { name: /Le nom sur mes factures/ }).check();
  await corrections.getByLabel("What you corrected and where").fill("Nom changé dans le logiciel de facturation");
  await corrections.getByRole("button", { name: "Corrections done" }).click();
  // The page shows the new state at once; the form is gone since nothing is left to correct.
  await expect(corrections.getByRole("row", { name: /Le nom sur mes factures/ })).toContainText("Corrected by staff");
  await expect(corrections.getByRole("button", { name: "Corrections done" })).toHaveCount(0);
  const done = await waitForEmail(inbox, email, (m) => m.subject.startsWith("Vos données ont été rectifiées"));
  expect(done.text).toContain("Nom de famille\u00a0: dans Boutique (e2e_fix_customers)");
  expect(done.text).toContain("Le nom sur mes factures\u00a0: corrigé par notre équipe chargée de la protection des données");
  expect(done.text).not.toMatch(/vous écrira/);
  await page.goto(linkIn(done, "status"));
  await expect(card.getByText("Terminée", { exact: true })).toBeVisible();
  await expect(card.getByRole("listitem").filter({ hasText: "Le nom sur mes factures" })).toContainText(
    "Corrigé par notre équipe chargée de la protection des données",
  );
  await shoot(page, "status-fr-completed");
  await staff.close();
});
