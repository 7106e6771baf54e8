// The account number a person typed is only a hint until staff confirm it (issue #15): the request
// page says so, an agent confirms it after checking, the page names who did, and an auditor sees
// the state without any button to change it.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { sql, uniqueEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, signIn } from "./support/staff.ts";

async function expectNoSeriousViolations(page: Page, where: string) {
  const results = await new AxeBuilder({ page }).include("#person-heading").include(".request-section").analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("an agent confirms a typed account number; until then the page says it is not used to find data", async ({ page, browser }) => {
  const agent = await createStaff("agent");
  const request = await verifiedRequest(uniqueEmail("account"), "ACCESS", 20);
  await sql(`UPDATE requests SET "accountId" = 'C-7731' WHERE id = $1`, [request.id]);

  await signIn(page, agent);
  await page.goto(`/staff/requests/${request.reference}`);
  const person = page.getByRole("region", { name: "Person", exact: true });
  await expect(person).toContainText("C-7731");
  await expect(person).toContainText("Not confirmed — not used to find data");

  await expectNoSeriousViolations(page, "not confirmed");
  await person.getByRole("button", { name: "Confirm the account number is theirs" }).click();
  await expect(person.getByRole("status")).toContainText("Confirmed.");
  await expect(person).toContainText(`Confirmed as theirs by ${agent.email}`);
  await expect(person.getByRole("button", { name: "Take back the confirmation" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Account number confirmed as the person's");
  await expectNoSeriousViolations(page, "confirmed");

  // An auditor reads the same state and gets no button.
  const auditor = await createStaff("auditor");
  const context = await browser.newContext();
  const auditorPage = await context.newPage();
  await signIn(auditorPage, auditor);
  await auditorPage.goto(`/staff/requests/${request.reference}`);
  const seen = auditorPage.getByRole("region", { name: "Person", exact: true });
  await expect(seen).toContainText(`Confirmed as theirs by ${agent.email}`);
  await expect(seen.getByRole("button")).toHaveCount(0);
  await context.close();
});
