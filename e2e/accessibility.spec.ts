import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { inbox, linkIn, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, sessionCookieFor, signIn } from "./support/staff.ts";

async function expectNoSeriousViolations(page: Page, where: string) {
  // After a client-side navigation Next streams the new page's metadata: let the title arrive first.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const locale of ["en", "fr"] as const) {
  test(`the public pages have no serious accessibility problem in ${locale === "en" ? "English" : "French"}`, async ({ page }) => {
    await page.goto(`/${locale}`);
    await expectNoSeriousViolations(page, "form");
    await page.getByRole("button", { name: locale === "en" ? "Send my request" : "Envoyer ma demande" }).click();
    await expectNoSeriousViolations(page, "form with errors");
    await page.goto(`/${locale}/privacy`);
    await expectNoSeriousViolations(page, "privacy");

    const email = uniqueEmail(`a11y-${locale}`);
    await page.goto(`/${locale}`);
    await page.getByRole("checkbox", { name: locale === "en" ? "Rectification" : "Rectification", exact: true }).check();
    await page.getByLabel(locale === "en" ? "Country where you live" : "Pays de résidence").selectOption("CA");
    await page.getByLabel(locale === "en" ? "State or province" : "État ou province").selectOption("CA-QC");
    await expectNoSeriousViolations(page, "form with corrections and a province");
    await page.getByLabel(locale === "en" ? "Email address" : "Adresse e-mail").fill(email);
    await page
      .getByLabel(locale === "en" ? "What is wrong" : "Ce qui est inexact")
      .first()
      .fill(locale === "en" ? "Postal address" : "Adresse postale");
    await page
      .getByLabel(locale === "en" ? "What it should be" : "Ce que cela devrait être")
      .first()
      .fill("12 rue Saint-Paul");
    await page.getByRole("button", { name: locale === "en" ? "Send my request" : "Envoyer ma demande" }).click();
    await expect(page).toHaveURL(/submitted/);
    await expectNoSeriousViolations(page, "check your email");
    const message = await waitForEmail(inbox, email);
    await page.goto(linkIn(message, "verify"));
    await expectNoSeriousViolations(page, "confirm");
    await page.goto(linkIn(message, "status"));
    await expectNoSeriousViolations(page, "status");
  });
}

test("the staff pages have no serious accessibility problem", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/staff/sign-in");
  await expectNoSeriousViolations(page, "sign-in");
  const admin = await createStaff("admin");
  await signIn(page, admin);
  await expectNoSeriousViolations(page, "dashboard");
  const request = await verifiedRequest(uniqueEmail("a11y-staff"), "ERASURE", 2);
  await page.goto(`/staff/requests?q=${request.reference}`);
  await expectNoSeriousViolations(page, "dashboard with a request");
  await page.getByRole("link", { name: request.reference }).click();
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expectNoSeriousViolations(page, "request");
  for (const path of [
    "/staff/reports",
    "/staff/connectors",
    "/staff/users",
    "/staff/settings/reminders",
    "/staff/settings/retention",
    "/staff/settings/auto-approval",
    "/staff/settings/voluntary-rights",
    "/staff/account",
  ]) {
    await page.goto(path);
    await expectNoSeriousViolations(page, path);
  }
});

test.describe("in the dark colour scheme", () => {
  test.use({ colorScheme: "dark" });

  test("public and staff pages keep their contrast, and the page really is dark", async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await page.goto("/fr");
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe("rgb(18, 20, 24)");
    await expectNoSeriousViolations(page, "dark form");
    await page.getByRole("button", { name: "Envoyer ma demande" }).click();
    await expectNoSeriousViolations(page, "dark form with errors");
    await page.goto("/en/privacy");
    await expectNoSeriousViolations(page, "dark privacy");
    // Signed in by its session cookie: signing in is not what this looks at.
    const admin = await createStaff("admin");
    await context.addCookies([{ name: "dsar_staff_session", value: await sessionCookieFor(admin), url: baseURL as string }]);
    const request = await verifiedRequest(uniqueEmail("a11y-dark"), "ACCESS", 1);
    await page.goto(`/staff/requests?q=${request.reference}`);
    await expectNoSeriousViolations(page, "dark dashboard");
    await page.goto(`/staff/requests/${request.id}`);
    await expectNoSeriousViolations(page, "dark request");
    for (const path of ["/staff/reports", "/staff/connectors", "/staff/settings/retention", "/staff/account"]) {
      await page.goto(path);
      await expectNoSeriousViolations(page, `dark ${path}`);
    }
  });
});
