// A French-speaking person whose browser sends Global Privacy Control (Sec-GPC: 1): the opt-out is
// ticked for them with a note saying why; only the rights of the place they live in are offered;
// filing the opt-out reaches the confirmation page. Screenshots at 1280 px and on a phone go to
// test-results/screenshots/.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { sql, uniqueEmail } from "./support/fixtures.ts";
import { createStaff, signIn } from "./support/staff.ts";

const shots = "test-results/screenshots";
test.use({ extraHTTPHeaders: { "Sec-GPC": "1" } });

const optOut = "Refuser la vente ou le partage";
const limit = "Limiter l’usage des données sensibles";

async function capture(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function chooseCountry(page: Page, country: string, region?: string) {
  await page.getByLabel("Pays de résidence").selectOption(country);
  if (region) await page.getByLabel("État ou province").selectOption(region);
}

test.afterEach(async () => {
  await sql(`DELETE FROM settings WHERE key = 'voluntaryRights'`);
});

test("the opt-out is ticked with the reason in French, and only California's rights are offered there", async ({ page }) => {
  await page.goto("/fr");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await expect(page.getByRole("note")).toContainText("Global Privacy Control");
  await expect(page.getByRole("note")).toContainText("Nous avons coché");
  await capture(page, "gpc-form-fr");

  await chooseCountry(page, "US", "US-CA");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: limit, exact: true })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Limitation du traitement", exact: true })).toHaveCount(0);

  const email = uniqueEmail("gpc-ca");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/\/fr\/submitted\?ref=DSR-/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consultez vos e-mails");
  await capture(page, "gpc-submitted-fr");
  const rows = await sql("SELECT type, jurisdiction, status FROM requests WHERE email = $1", [email]);
  expect(rows).toEqual([{ type: "OPT_OUT", jurisdiction: "US_CA", status: "SUBMITTED" }]);
});

test("in France the opt-out is not offered, and the note says so, unless the company honours it everywhere", async ({ page }) => {
  await page.goto("/fr");
  await chooseCountry(page, "FR");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: limit, exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Opposition", exact: true })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("ne prévoit pas");
  await expect(page.getByRole("note")).not.toContainText("Nous avons coché");
  await capture(page, "gpc-france-fr");
  // Moving to California ticks it again: the browser's signal still stands.
  await chooseCountry(page, "US", "US-CA");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await expect(page.getByRole("note")).toContainText("Nous avons coché");

  await sql(`INSERT INTO settings (key, value, "updatedAt") VALUES ('voluntaryRights', $1, now())`, [
    JSON.stringify({ rights: { opt_out: "everywhere" } }),
  ]);
  await page.goto("/fr");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await chooseCountry(page, "FR");
  await expect(page.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: limit, exact: true })).toHaveCount(0);
  const email = uniqueEmail("gpc-fr");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/\/fr\/submitted\?ref=DSR-/);
  const rows = await sql("SELECT type, jurisdiction FROM requests WHERE email = $1", [email]);
  expect(rows).toEqual([{ type: "OPT_OUT", jurisdiction: "EU_GDPR" }]);
});

test("an admin offers the opt-out to everyone on the settings page, audited, and the French form offers it in France", async ({
  page,
  browser,
}) => {
  const admin = await createStaff("admin");
  await signIn(page, admin);
  await page.goto("/staff/settings/voluntary-rights");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rights offered to everyone");
  await page.getByRole("checkbox", { name: "Opt-out of sale or sharing" }).check();
  await page.getByRole("button", { name: "Save the rights offered to everyone" }).click();
  await expect(page.getByText("Saved: Opt-out of sale or sharing offered to everyone, wherever they live.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Opt-out of sale or sharing" })).toBeChecked();
  await capture(page, "voluntary-rights-settings");
  const audit = await sql(`SELECT data FROM audit_events WHERE action = 'settings.voluntary-rights-changed' AND "actorId" = $1`, [
    admin.id,
  ]);
  expect(audit).toEqual([{ data: { everywhere: ["opt_out"] } }]);

  const visitor = await browser.newPage({ extraHTTPHeaders: { "Sec-GPC": "1" } });
  await visitor.goto("/fr");
  await chooseCountry(visitor, "FR");
  await expect(visitor.getByRole("checkbox", { name: optOut, exact: true })).toBeChecked();
  await visitor.close();
});
