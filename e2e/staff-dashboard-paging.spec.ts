// The dashboard's pages: next, previous, last and first links move through a view of 30 requests
// (ties on the due date across the page boundary), and a damaged page link shows the first page
// with the problem named rather than an error.
import { expect, test } from "@playwright/test";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, signIn } from "./support/staff.ts";

test("an agent moves through a view of 30 requests with next, previous, last and first", async ({ page }) => {
  test.setTimeout(180_000); // thirty requests written and eight pages loaded, on a busy machine
  const prefix = `paging${Date.now().toString(36)}`;
  // Three requests per due date: page boundaries fall inside ties.
  for (let i = 0; i < 30; i++) await verifiedRequest(`${prefix}.${i}@example.test`, "ACCESS", 5 + Math.floor(i / 3));
  const agent = await createStaff("agent");
  await signIn(page, agent);
  await page.goto(`/staff/requests?q=${prefix}`);
  const summary = page.locator(".dashboard-summary");
  const rows = page.getByRole("table", { name: /Requests/ }).locator("tbody tr");
  const pagination = page.getByRole("navigation", { name: "Pagination" });
  const seen = async () => rows.locator("a[href^='/staff/requests/']").allTextContents();

  await expect(summary).toHaveText("Showing 1–25 of 30 requests.");
  const firstPage = await seen();
  expect(new Set(firstPage).size).toBe(25);
  await expect(pagination.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await pagination.getByRole("link", { name: "Next page" }).click();
  await expect(summary).toHaveText("Showing 26–30 of 30 requests.");
  const secondPage = await seen();
  expect(secondPage).toHaveLength(5);
  expect(secondPage.filter((reference) => firstPage.includes(reference))).toEqual([]);
  await expect(pagination.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await pagination.getByRole("link", { name: "Previous page" }).click();
  await expect(summary).toHaveText("Showing 1–25 of 30 requests.");
  expect(await seen()).toEqual(firstPage);

  await pagination.getByRole("link", { name: "Last page" }).click();
  await expect(summary).toHaveText("Showing 6–30 of 30 requests.");
  expect(await seen()).toEqual([...firstPage, ...secondPage].slice(5));

  await pagination.getByRole("link", { name: "Previous page" }).click();
  await expect(summary).toHaveText("Showing 1–5 of 30 requests.");
  expect(await seen()).toEqual(firstPage.slice(0, 5));

  await page.goto(`/staff/requests?q=${prefix}&cursor=bm90LWEtY3Vyc29y`);
  await expect(page.locator(".error-summary")).toContainText("this page link is damaged or out of date; the first page is shown");
  await expect(summary).toHaveText("Showing 1–25 of 30 requests.");
  expect(await seen()).toEqual(firstPage);
});
