// The reports page opens on the last twelve months (not on a calendar year that may hold nothing
// yet), with the earlier calendar years one click away beside it.
import { expect, test } from "@playwright/test";
import { createStaff, signIn } from "./support/staff.ts";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

test("reports open on the last twelve months, with the calendar years beside them", async ({ page }) => {
  const auditor = await createStaff("auditor");
  await signIn(page, auditor);
  await page.goto("/staff/reports");
  const from = await page.getByLabel("From (received on or after)").inputValue();
  const to = await page.getByLabel("To (received on or before)").inputValue();
  // Today is the controller's day, which may differ from UTC's by one: compare around it.
  const now = Date.now();
  expect([isoDay(new Date(now - 86_400_000)), isoDay(new Date(now)), isoDay(new Date(now + 86_400_000))]).toContain(to);
  const year = Number(to.slice(0, 4));
  expect(from > `${year - 1}-${to.slice(5)}`).toBe(true);
  const presets = page.getByRole("navigation", { name: "Common periods" });
  await expect(presets.getByRole("link", { name: "Last 12 months" })).toHaveAttribute("aria-current", "true");
  await presets.getByRole("link", { name: String(year - 1), exact: true }).click();
  await expect(page.getByLabel("From (received on or after)")).toHaveValue(`${year - 1}-01-01`);
  await expect(page.getByLabel("To (received on or before)")).toHaveValue(`${year - 1}-12-31`);
});
