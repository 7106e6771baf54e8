// An administrator proposes a mapping from a support desk's database on the connectors page: the
// draft and its review notes appear, ready to copy; neither the page nor any log line of the stack
// holds a sampled value or the address's password.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { CANARIES, createPostgresSource, SUPPORT_POSTGRES } from "../lib/discovery/discovery-schemas.test-support.ts";
import { e2eLogDir } from "./support/ports.ts";
import { createStaff, signIn } from "./support/staff.ts";

let source: Awaited<ReturnType<typeof createPostgresSource>>;

test.beforeAll(async () => {
  source = await createPostgresSource("e2e_discovery", SUPPORT_POSTGRES);
});

test.afterAll(async () => {
  await source?.drop();
});

test("an administrator gets a draft connector with what to review, and no value or secret leaves", async ({ page }) => {
  await signIn(page, await createStaff("admin"));
  await page.goto("/staff/connectors");
  await page.getByRole("link", { name: "Propose a mapping from a database" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Propose a mapping" })).toBeVisible();

  await page.getByRole("button", { name: "Propose a mapping" }).click();
  await expect(page.getByText("Correct the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Address")).toHaveAccessibleDescription(/Give the database's address/);

  await page.getByLabel("Address").fill(source.url);
  await page.getByLabel("Schema (optional)").fill("Support");
  await page.getByRole("button", { name: "Propose a mapping" }).click();
  await expect(page.getByRole("heading", { name: "Proposed connector" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "6 tables mapped" })).toContainText("Contact.EmailAddress");
  await expect(page.getByRole("listitem").filter({ hasText: 'Foreign keys form a cycle between "Agent", "Team"' })).toBeVisible();
  const draft = await page.getByLabel("The draft (YAML, with the reasons for each guess in comments)").inputValue();
  expect(draft).toContain("- table: Contact\n          identity: {email: EmailAddress}");
  await expect(page.getByRole("link", { name: "Add a new connector" })).toHaveAttribute("href", "/staff/connectors/new");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: "test-results/propose-mapping-1280.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  const tooWide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(tooWide).toEqual([]);
  await page.screenshot({ path: "test-results/propose-mapping-phone.png", fullPage: false });

  const html = await page.content();
  for (const value of [...CANARIES, source.password]) expect(html, value).not.toContain(value);
  const found: string[] = [];
  for (const name of ["web", "workers"]) {
    for (const line of readFileSync(join(e2eLogDir, `${name}.log`), "utf8").split("\n")) {
      const hits = [...CANARIES, source.password].filter((value) => line.includes(value));
      if (hits.length) found.push(`${name}.log: ${hits.join(", ")}`);
    }
  }
  expect(found).toEqual([]);
});
