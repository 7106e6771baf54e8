// An administrator adds a SaaS tool as a rest connector from the Stripe template, pointed at a
// server that answers as Stripe does: only the API token field is asked for, the connector is saved
// (its credentials checked live), listed, tested (status and time only) and edited without its
// token ever being shown back. Screenshots at 1280 px and 390 px go to test-results/.
import { expect, type Page, test } from "@playwright/test";
import { type SaasServer, STRIPE_KEY, startSaasServer } from "../tests/support/saas-server.ts";
import { createStaff, signIn } from "./support/staff.ts";

test.describe.configure({ mode: "serial" });

let server: SaasServer;
test.beforeAll(async () => {
  server = await startSaasServer();
});
test.afterAll(() => server.close());

const key = `stripe-${Date.now().toString(36)}`;

async function shoot(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/rest-connector/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an admin adds a Stripe connector from its template, tests it and edits it without seeing the token again", async ({ page }) => {
  const admin = await createStaff("admin");
  await signIn(page, admin);

  await page.goto("/staff/connectors/new");
  await page.getByLabel("Key").fill(key);
  await page.getByLabel("Name").fill("Payments (Stripe)");
  await page.getByLabel("Type").selectOption("rest");
  const config = page.getByLabel(/^Configuration/);
  await expect(config).toHaveValue(/Describe the tool's API here/);

  // Templates are offered by the tool's name; loading one says so.
  const templates = page.getByLabel("Start from a template");
  await expect(templates.getByRole("option")).toHaveText(["Choose a tool…", "HubSpot", "Stripe", "Zendesk Support"]);
  await templates.selectOption({ label: "Stripe" });
  await page.getByRole("button", { name: "Load the template" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The Stripe template is in the configuration" })).toBeVisible();
  await expect(config).toHaveValue(/path: \/v1\/customers/);

  // Only the bearer token is asked for, in words.
  const secrets = page.getByRole("group", { name: "Secrets (write-only)" });
  await expect(secrets.locator("input[type=password]")).toHaveCount(1);
  await expect(secrets.getByLabel("API token")).toBeVisible();
  await expect(page.getByText("config.auth.token")).toHaveCount(0);

  const text = await config.inputValue();
  await config.fill(text.replace("baseUrl: https://api.stripe.com", `baseUrl: ${server.url}`));
  await page.getByRole("checkbox", { name: "access" }).check();
  await page.getByRole("checkbox", { name: "erasure" }).check();
  await shoot(page, "new");

  // Saving without the token names the missing field by its label.
  await page.getByRole("button", { name: "Add connector" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Nothing was saved" });
  await expect(alert).toContainText("API token: give the value");
  await expect(secrets.getByLabel("API token")).toHaveAttribute("aria-invalid", "true");
  // The form keeps what was chosen (React's reset after an action used to put the type back to postgres).
  await expect(page.getByLabel("Type")).toHaveValue("rest");
  await expect(templates).toHaveValue("stripe");
  await expect(page.getByText("config.auth.token")).toHaveCount(0);
  await shoot(page, "missing-token");

  await secrets.getByLabel("API token").fill(STRIPE_KEY);
  await page.getByRole("button", { name: "Add connector" }).click();
  await page.waitForURL(/created=1/);
  await expect(page.getByRole("status").filter({ hasText: "Connector added." })).toBeVisible();

  await page.getByRole("link", { name: "← Connectors" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: key }) });
  await expect(row).toContainText("Payments (Stripe)");
  await expect(row).toContainText("rest");
  await row.getByRole("button", { name: "Test" }).click();
  const result = row.getByRole("status").first();
  await expect(result).toContainText(/OK: .* answered 200 in \d+ ms/);
  await expect(result).not.toContainText("available");
  // The stored token reached the API (the template's test reads the balance).
  expect(server.requests.filter((r) => r.path === "/v1/balance").map((r) => r.headers.authorization)).toContain(`Bearer ${STRIPE_KEY}`);
  await shoot(page, "list");

  // Editing: the token is never sent back to the browser; left empty, the stored one is kept.
  await row.getByRole("link", { name: key }).click();
  // The page is the connector's: its name as the heading, its key shown as text that cannot change.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Payments (Stripe)");
  await expect(page.locator("main code", { hasText: key }).first()).toBeVisible();
  const token = page.getByLabel("API token");
  await expect(token).toHaveValue("");
  await expect(token).toHaveAttribute("placeholder", "•••• (unchanged)");
  expect(await page.content()).not.toContain(STRIPE_KEY);
  await shoot(page, "edit");
  await page.getByLabel("Name").fill("Payments");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Saved/ })).toBeVisible();

  await page.goto("/staff/connectors");
  const edited = page.getByRole("row").filter({ has: page.getByRole("link", { name: key }) });
  await expect(edited).toContainText("Payments");
  await edited.getByRole("button", { name: "Test" }).click();
  await expect(edited.getByRole("status").first()).toContainText(/OK: .* answered 200 in \d+ ms/);
});
