// The staff header after each way in: the menu and "Sign out" are there as soon as the member is
// through, without reloading the page (the layout is kept across client navigations, so each step
// that changes the session must refresh it).
import { expect, test } from "@playwright/test";
import { createStaff, currentTotp, expectStaffMenu, signIn } from "./support/staff.ts";

for (const role of ["admin", "agent"] as const) {
  test(`the menu and Sign out show right after the two-factor code (${role})`, async ({ page }) => {
    const agent = await createStaff(role, { twoFactor: true });
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill(agent.email);
    await page.getByLabel("Password").fill(agent.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
    await page.getByLabel("Code", { exact: true }).fill(await currentTotp(agent));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/staff\/requests/);
    await expectStaffMenu(page);
  });
}

test("the one-time password is not asked again, and the menu shows right after it is replaced", async ({ page }) => {
  const agent = await createStaff("agent", { twoFactor: false, mustChangePassword: true });
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(agent.email);
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/staff\/account\/password/);
  const fresh = `a new e2e passphrase ${agent.id}`;
  // The one-time password was typed a moment ago: it is not asked again.
  await expect(page.getByLabel("Current password")).toHaveCount(0);
  await page.getByLabel("New password", { exact: true }).fill(fresh);
  await page.getByLabel("New password again").fill(fresh);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.waitForURL(/\/staff\/requests/);
  await expectStaffMenu(page);
});

test("an auditor opening the queues dashboard gets the Not allowed page with a way back", async ({ page }) => {
  const auditor = await createStaff("auditor");
  await signIn(page, auditor);
  const response = await page.goto("/staff/queues");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the requests" }).click();
  await page.waitForURL(/\/staff\/requests/);
});

test("on a phone the header's Sign out stays on one line", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const agent = await createStaff("agent", { twoFactor: false });
  await signIn(page, agent);
  const button = page.getByRole("button", { name: "Sign out" });
  const box = await button.boundingBox();
  const lineHeight = await button.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight) || 24);
  // One line of text plus the button's padding; a wrapped label ("Sig / n / out") is several lines tall.
  expect(box?.height ?? 0).toBeLessThan(lineHeight * 2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
