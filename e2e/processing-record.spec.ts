// The record of processing against the built app: a connectors file with the controller and data
// maps is applied from the terminal (which warns of a source with no data map and names the version
// it records), then changed; an auditor reads the record by purpose and by source in English and
// French, picks the first version and sees what changed; an admin edits a connector's data map on
// its page. Screenshots at 1280 px and on a phone go to test-results/screenshots/.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { runAdmin } from "./support/admin-cli.ts";
import { createStaff, signIn } from "./support/staff.ts";

test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const shots = "test-results/screenshots";

function connectorsFile(retention: string) {
  return `organisation:
  name: Example Shop SAS
  address: { en: "1 rue de la Paix, 75002 Paris, France", fr: "1 rue de la Paix, 75002 Paris" }
  contactEmail: privacy@shop.example
  dataProtectionOfficer: { name: Dana Officer, email: dpo@shop.example }
  supervisoryAuthority: { name: CNIL, url: "https://www.cnil.fr" }
  dataSubjects: [{ en: Customers, fr: Clients }, { en: Newsletter subscribers, fr: Abonnés à la lettre d'information }]
  securityMeasures: { en: "Encryption at rest and in transit; access on a need-to-know basis, with two-factor sign-in", fr: "Chiffrement au repos et en transit ; accès limité au besoin d'en connaître, avec double authentification" }
connectors:
  - key: orders-${run}
    name: Order archive
    type: manual
    actions: [access, erasure]
    config: { instructions: "Look for the person's orders in the archive." }
    dataMap:
      orders:
        label: { en: Your orders, fr: Vos commandes }
        dataCategories: [identity, contact, transactions, financial]
        purposes: [{ en: Deliver your orders, fr: Livrer vos commandes }, { en: Keep the accounts the law requires, fr: Tenir la comptabilité exigée par la loi }]
        legalBasis: [contract, legal-obligation]
        retention: { period: ${retention}, from: { en: the date of the invoice, fr: la date de la facture } }
        recipients:
          - { name: Parcel Co, kind: processor, country: FR, purpose: { en: Delivery, fr: Livraison } }
          - { name: Mail Cloud Inc., kind: processor, country: US, safeguard: standard-contractual-clauses }
        origin: person
  - key: newsletter-${run}
    name: Newsletter list
    type: manual
    actions: [access, erasure]
    config: { instructions: "Look for the person in the newsletter list." }
    dataMap:
      subscribers:
        label: { en: Newsletter, fr: Lettre d'information }
        dataCategories: [contact, behavioural]
        purposes: [{ en: Send the newsletter, fr: Envoyer la lettre d'information }]
        legalBasis: [consent]
        retention: { en: Until you unsubscribe, fr: Jusqu'à votre désinscription }
        origin: person
  - key: paper-${run}
    name: Paper forms
    type: manual
    actions: [access]
    config: { instructions: "Look for the person's paper forms in cabinet 2." }
`;
}

function apply(retention: string): string {
  const dir = mkdtempSync(join(tmpdir(), "dsar-record-"));
  const file = join(dir, "connectors.yaml");
  writeFileSync(file, connectorsFile(retention));
  return runAdmin(["apply-connectors", file]);
}

let firstVersion = 0;

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
  const first = apply("P10Y");
  expect(first).toMatch(new RegExp(`warning: connector "paper-${run}" has no dataMap`));
  firstVersion = Number(/data map: version (\d+) recorded/.exec(first)?.[1]);
  expect(firstVersion).toBeGreaterThan(0);
  expect(apply("P6Y")).toContain(`data map: version ${firstVersion + 1} recorded`);
});

async function noSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((element) => !element.closest(".table-scroll"))
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.className}: ${element.textContent?.slice(0, 40)}`),
  );
  expect(wide).toEqual([]);
}

async function noSeriousAccessibilityProblem(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function capture(page: Page, name: string) {
  await noSeriousAccessibilityProblem(page, name);
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page);
  await page.screenshot({ path: `${shots}/${name}-phone.png`, fullPage: true });
  // The top of the page and one card at a readable size.
  await page.screenshot({ path: `${shots}/${name}-phone-top.png` });
  const card = page.locator(".record-card:has(table), .connector-data-map").first();
  if (await card.count()) await card.screenshot({ path: `${shots}/${name}-phone-card.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an auditor reads the record by purpose and by source, in English and French, and what changed since the first version", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, await createStaff("auditor"));
  await page.goto("/staff/reports");
  await page.getByRole("link", { name: "Record of processing" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record of processing activities" })).toBeVisible();
  await expect(page.getByText(`The current map: version ${firstVersion + 1}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Deliver your orders" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Send the newsletter" })).toBeVisible();
  await expect(page.getByText("Standard contractual clauses (Art. 46(2)(c))").first()).toBeVisible();
  await expect(page.getByText(/6\syears from the date of the invoice/).first()).toBeVisible();
  // This file's own undescribed source (other specs may add theirs to the same stack).
  await expect(
    page.getByRole("article", { name: new RegExp(`Paper forms paper-${run}`) }).getByText(/Not described: this source has no data map/),
  ).toBeVisible();
  // No raw codes where a person reads.
  await expect(page.locator("main")).not.toContainText("standard-contractual-clauses");
  await expect(page.locator("main")).not.toContainText("legal-obligation");
  await capture(page, "processing-record-auditor");

  // What changed since the first version: the day after it, that version was in force.
  await page.getByLabel("Version", { exact: true }).selectOption(String(firstVersion));
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText(`Version ${firstVersion}, recorded`)).toBeVisible();
  await expect(page.getByText(/10\syears from the date of the invoice/).first()).toBeVisible();

  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Registre des activités de traitement" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Livrer vos commandes" })).toBeVisible();
  await expect(page.getByText("Clauses contractuelles types (art. 46(2)(c))").first()).toBeVisible();
  await capture(page, "processing-record-auditor-fr");

  const csv = await page.request.get(`/api/v1/reports/processing?format=csv&lang=en`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`orders-${run},Order archive,manual,yes,yes,orders,Your orders`);
});

test("an admin sees the changes since a day, and edits a connector's data map on its page", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, await createStaff("admin"));
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
  await page.goto(`/staff/reports/processing?since=${today}`);
  await expect(page.getByRole("heading", { name: /^Changes since/ })).toBeVisible();
  await expect(page.getByText("Source added").first()).toBeVisible();
  await capture(page, "processing-record-admin");

  await page.goto(`/staff/connectors/orders-${run}`);
  await expect(page.getByRole("heading", { name: "Data map" })).toBeVisible();
  await expect(page.getByText("Performance of a contract (Art. 6(1)(b))").first()).toBeVisible();
  const field = page.getByLabel(/Data map \(YAML/);
  await field.fill((await field.inputValue()).replace("- contract", "- consent"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText("Saved (dataMap)");
  await field.fill("orders:\n  dataCategories: [contact]\n");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was saved" })).toContainText("dataMap.orders.purposes");
  await capture(page, "connector-data-map-admin");
});
