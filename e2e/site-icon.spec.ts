// Browsers ask for /favicon.ico on every site: the portal has one (and an SVG icon its pages link to).
import { expect, test } from "@playwright/test";

test("the site icon is served", async ({ request, page }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toContain("image/");
  await page.goto("/en");
  const href = await page.locator('link[rel="icon"][type="image/svg+xml"]').getAttribute("href");
  expect(href).toBeTruthy();
  expect((await request.get(href as string)).status()).toBe(200);
});
