// Every page of the portal, at 1280 px and on a 390 px phone, in English and French: a screenshot
// of each (test-results/page-layout/), and a failure when the page is wider than the window (a
// table or a long word pushing the layout sideways). The list below must name every page of app/:
// adding one without an entry fails this spec, so no page ships without being looked at.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { inbox, linkIn, sql, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, type Role, sessionCookieFor } from "./support/staff.ts";

const shots = "test-results/page-layout";
const widths = [
  { name: "1280", width: 1280, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;
const languages = [
  { locale: "en", browserLocale: "en-GB" },
  { locale: "fr", browserLocale: "fr-FR" },
] as const;
type Locale = (typeof languages)[number]["locale"];

/** Route pattern → how to open it: who signs in, and the URL (made per language). */
type Visit = { as: Role | null; url: (locale: Locale, fixtures: Fixtures) => string };
type Fixtures = { requestId: string; verifyPath: string; statusPath: string; publicEmail: string };

const visits: Record<string, Visit> = {
  "/[locale]": { as: null, url: (l) => `/${l}` },
  "/[locale]/[...rest]": { as: null, url: (l) => `/${l}/no-such-page` },
  "/[locale]/privacy": { as: null, url: (l) => `/${l}/privacy` },
  "/[locale]/submitted": { as: null, url: (l) => `/${l}/submitted` },
  "/[locale]/verify/[token]": { as: null, url: (l, f) => f.verifyPath.replace(/^\/(en|fr)\//, `/${l}/`) },
  "/[locale]/status/[token]": { as: null, url: (l, f) => f.statusPath.replace(/^\/(en|fr)\//, `/${l}/`) },
  // A link nobody was sent answers the page's own 404 explanation.
  "/[locale]/download/[token]": { as: null, url: (l) => `/${l}/download/${"u".repeat(43)}` },
  "/staff": { as: "agent", url: () => "/staff" },
  "/staff/sign-in": { as: null, url: () => "/staff/sign-in" },
  "/staff/two-factor": { as: null, url: () => "/staff/two-factor" },
  "/staff/account": { as: "admin", url: () => "/staff/account" },
  "/staff/account/password": { as: "agent", url: () => "/staff/account/password" },
  "/staff/account/two-factor": { as: "agent", url: () => "/staff/account/two-factor" },
  "/staff/settings": { as: "admin", url: () => "/staff/settings" },
  "/staff/settings/reminders": { as: "admin", url: () => "/staff/settings/reminders" },
  "/staff/settings/auto-approval": { as: "admin", url: () => "/staff/settings/auto-approval" },
  "/staff/settings/voluntary-rights": { as: "admin", url: () => "/staff/settings/voluntary-rights" },
  "/staff/settings/retention": { as: "admin", url: () => "/staff/settings/retention" },
  "/staff/requests": { as: "agent", url: () => "/staff/requests" },
  "/staff/requests/[id]": { as: "agent", url: (_l, f) => `/staff/requests/${f.requestId}` },
  "/staff/reports": { as: "auditor", url: () => "/staff/reports" },
  "/staff/reports/processing": { as: "auditor", url: () => "/staff/reports/processing" },
  "/staff/connectors": { as: "admin", url: () => "/staff/connectors" },
  "/staff/connectors/new": { as: "admin", url: () => "/staff/connectors/new" },
  "/staff/connectors/discover": { as: "admin", url: () => "/staff/connectors/discover" },
  "/staff/connectors/[key]": { as: "admin", url: () => "/staff/connectors/e2e-shop" },
  "/staff/users": { as: "admin", url: () => "/staff/users" },
  "/staff/users/invite": { as: "admin", url: () => "/staff/users/invite" },
  "/staff/agents": { as: "admin", url: () => "/staff/agents" },
  // An invitation link that is not (or no longer) valid explains itself.
  "/staff/invite/[token]": { as: null, url: () => `/staff/invite/${"x".repeat(43)}` },
  "/staff/sso/refused": { as: null, url: () => "/staff/sso/refused?reason=unknown-user" },
};

const root = new URL("..", import.meta.url).pathname;
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
const foundPages = walk(join(root, "app"))
  .map((file) => relative(root, file))
  .filter((file) => /\/page\.tsx?$/.test(file))
  .map(
    (file) =>
      `/${file
        .split("/")
        .slice(1, -1)
        .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("_"))
        .join("/")}`.replace(/\/$/, "") || "/",
  );

test("the list names every page of the app", () => {
  expect([...foundPages].sort()).toEqual(Object.keys(visits).sort());
});

/** How much wider than the window the page is, and the widest elements that stick out. */
async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const excess = document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    // An element inside a box that scrolls or clips sideways does not widen the page: skip those.
    // (An absolutely positioned element escapes every such box up to its positioned ancestor.)
    const clipped = (element: HTMLElement) => {
      let escaping = getComputedStyle(element).position === "absolute";
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (!escaping && style.overflowX !== "visible") return true;
        if (escaping && style.position !== "static") escaping = false;
        if (!escaping && style.overflowX !== "visible") return true;
      }
      return false;
    };
    if (excess > 0) {
      for (const element of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
        const box = element.getBoundingClientRect();
        if (box.right > width + 1 && box.width > 0 && !clipped(element)) {
          const name = `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""}`;
          culprits.push(`${name} (right edge ${Math.round(box.right)} px)`);
        }
        if (culprits.length >= 5) break;
      }
    }
    return { excess, culprits };
  });
}

async function contextFor(browser: Browser, locale: string, as: Role | null, accounts: Map<Role, string>): Promise<BrowserContext> {
  const context = await browser.newContext({ locale });
  if (as) {
    const base = test.info().project.use.baseURL as string;
    await context.addCookies([{ name: "dsar_staff_session", value: accounts.get(as) as string, url: base }]);
  }
  return context;
}

let fixtures: Fixtures;
const accounts = new Map<Role, string>();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  for (const role of ["agent", "auditor", "admin"] as const) accounts.set(role, await sessionCookieFor(await createStaff(role)));
  const staffRequest = await verifiedRequest(uniqueEmail("layout-staff"), "ERASURE", 4);
  // A real request filed on the French form, for its confirmation and status pages.
  const email = uniqueEmail("layout-public");
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto("/fr");
  await page.getByRole("checkbox", { name: "Accès", exact: true }).check();
  await page.getByLabel("Pays de résidence").selectOption("FR");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/submitted/);
  const message = await waitForEmail(inbox, email);
  const path = (url: string) => new URL(url).pathname;
  fixtures = {
    requestId: staffRequest.id,
    verifyPath: path(linkIn(message, "verify")),
    statusPath: path(linkIn(message, "status")),
    publicEmail: email,
  };
  await context.close();
});

for (const [route, visit] of Object.entries(visits)) {
  // Public pages in both languages; staff pages in the language the browser asks for.
  test(`${route} fits 1280 px and a 390 px phone, in English and French`, async ({ browser }) => {
    const problems: string[] = [];
    for (const { locale, browserLocale } of languages) {
      const context = await contextFor(browser, browserLocale, visit.as, accounts);
      const page = await context.newPage();
      const url = visit.url(locale, fixtures);
      for (const size of widths) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.goto(url);
        await expect(page.locator("h1").first()).toBeVisible();
        const name = `${route.replaceAll(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home"}-${locale}-${size.name}`;
        await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
        const { excess, culprits } = await overflow(page);
        if (excess > 0) problems.push(`${url} at ${size.name} px (${locale}): ${excess} px too wide; ${culprits.join(", ")}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });
}

test("a request's status page stays within a phone's width once completed, with its outcome", async ({ browser }) => {
  const token = fixtures.statusPath.split("/").pop() as string;
  // Marked completed in the database: the page must say so, however it got there.
  await sql(`UPDATE requests SET status = 'COMPLETED', outcome = 'FULFILLED', "closedAt" = now() WHERE email = $1`, [fixtures.publicEmail]);
  for (const { locale, browserLocale } of languages) {
    const context = await browser.newContext({ locale: browserLocale, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`/${locale}/status/${token}`);
    await expect(page.locator("h1").first()).toBeVisible();
    await page.screenshot({ path: `${shots}/status-completed-${locale}-390.png`, fullPage: true });
    expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
    await context.close();
  }
});

test("a completed request's status page prints as the answer only: black on white, without the forms, the buttons or the language switch", async ({
  browser,
}) => {
  const token = fixtures.statusPath.split("/").pop() as string;
  await sql(`UPDATE requests SET status = 'COMPLETED', outcome = 'FULFILLED', "closedAt" = now() WHERE email = $1`, [fixtures.publicEmail]);
  const context = await browser.newContext({ colorScheme: "dark", viewport: { width: 794, height: 1123 } });
  const page = await context.newPage();
  await page.goto(`/en/status/${token}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator(".language-switch")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.locator("main form").first()).toBeHidden();
  const colours = await page.evaluate(() => ({
    text: getComputedStyle(document.body).color,
    background: getComputedStyle(document.body).backgroundColor,
  }));
  // Printed in a dark scheme too: the page's colours are the paper's, not the screen's.
  expect(colours.text).toBe("rgb(0, 0, 0)");
  expect(["rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"]).toContain(colours.background);
  expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
  await context.close();
});
