// The connectors pages as an administrator meets them: a connector's page renders without a React
// hydration error, its key and type read as text (they cannot change), and the list gives times in
// the controller's time zone and says which.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { runAdmin } from "./support/admin-cli.ts";
import { sql, uniqueEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, signIn } from "./support/staff.ts";

const key = `e2e-ledger-${Date.now().toString(36)}`;

test.beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), "dsar-e2e-")), "connectors.yaml");
  writeFileSync(
    file,
    `connectors:
  - key: ${key}
    name: Paper ledger
    type: manual
    actions: [access]
    config:
      instructions: "Look in the paper ledger."
`,
  );
  runAdmin(["apply-connectors", file]);
});

test("a connector's page hydrates without error and shows its key and type as text", async ({ page }) => {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await signIn(page, await createStaff("admin"));
  await page.goto(`/staff/connectors/${key}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Paper ledger");
  await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
  // Hydration has finished once the form reacts: typing into the name shows in the field.
  await page.getByLabel("Name").fill("Paper ledger (archive)");
  await expect(page.getByLabel("Name")).toHaveValue("Paper ledger (archive)");
  expect(problems).toEqual([]);

  // Key and type cannot change: text, not fields that look editable.
  await expect(page.getByRole("textbox", { name: "Key" })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Type" })).toHaveCount(0);
  const facts = page.locator(".connector-identity");
  await expect(facts).toContainText(key);
  await expect(facts).toContainText("manual");
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/staff-pages/connector-${width}.png`, fullPage: true });
  }
});

test("the connectors list gives the last finished time in the controller's zone and names it", async ({ page }) => {
  const request = await verifiedRequest(uniqueEmail("ledger"), "ACCESS", 10);
  // 21:30 UTC is 22:30 in Paris in winter: the day and hour differ from UTC's only if the zone is used.
  const finishedAt = new Date();
  finishedAt.setUTCHours(21, 30, 0, 0);
  if (finishedAt.getTime() > Date.now()) finishedAt.setUTCDate(finishedAt.getUTCDate() - 1);
  await sql(
    `INSERT INTO connector_tasks (id, "requestId", "connectorId", action, status, attempts, "startedAt", "finishedAt", "updatedAt")
     SELECT gen_random_uuid(), $1, c.id, 'ACCESS', 'SUCCEEDED', 1, $2, $2, now() FROM connectors c WHERE c.key = $3`,
    [request.id, finishedAt, key],
  );
  await signIn(page, await createStaff("admin"));
  await page.goto("/staff/connectors");
  const row = page.getByRole("row", { name: new RegExp(key) });
  const paris = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Paris" }).format(finishedAt);
  await expect(row).toContainText(`last finished ${paris}`);
  await expect(page.getByText("Times in Europe/Paris")).toBeVisible();
  await expect(row).not.toContainText("UTC");
});
