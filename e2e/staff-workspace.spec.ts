// The privacy team's morning: sign in with two-factor, find the overdue request through the
// dashboard's filters, approve it and watch its tasks finish, deny another with a reason and see
// the email the person gets; an auditor sees everything and can change nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { runAdmin } from "./support/admin-cli.ts";
import { inbox, sql, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { apiKeyFor, createStaff, signIn } from "./support/staff.ts";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // A small customer table in the test database, registered as a data source, plus a manual one.
  await sql(`CREATE TABLE IF NOT EXISTS e2e_customers (id serial PRIMARY KEY, email text NOT NULL, name text)`);
  const dir = mkdtempSync(join(tmpdir(), "dsar-e2e-"));
  const file = join(dir, "connectors.yaml");
  writeFileSync(
    file,
    `connectors:
  - key: e2e-shop
    name: Test shop
    type: postgres
    actions: [access, erasure]
    config:
      url: \${E2E_SHOP_URL}
      tables:
        - table: e2e_customers
          identity: { email: email }
          erase: { strategy: delete }
  - key: e2e-archive
    name: Paper archive
    type: manual
    actions: [access]
    config:
      instructions: "Look for the person's paper forms."
`,
  );
  const [{ url }] = await sql<{ url: string }>("SELECT 'postgres://' || current_user || '@127.0.0.1:5432/' || current_database() AS url");
  runAdmin(["apply-connectors", file], { E2E_SHOP_URL: url });
});

async function shoot(page: Page, name: string) {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `test-results/staff-pages/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}

async function openFromDashboard(page: Page, search: string, reference: string) {
  await page.goto("/staff/requests");
  await page.getByRole("checkbox", { name: "Overdue", exact: true }).check();
  await page.getByLabel("Search reference or email").fill(search);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/overdue=/);
  const table = page.getByRole("table", { name: /Requests/ });
  await expect(table.getByRole("row")).toHaveCount(2); // the header and our request
  await table.getByRole("link", { name: reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
}

test("an admin signs in with two-factor, finds the overdue request, approves it and watches its tasks finish", async ({ page }) => {
  const admin = await createStaff("admin");
  const email = uniqueEmail("overdue");
  await sql("INSERT INTO e2e_customers (email, name) VALUES ($1, 'Ada Overdue')", [email]);
  const overdue = await verifiedRequest(email, "ACCESS", -2);
  await verifiedRequest(uniqueEmail("later"), "ACCESS", 20);

  await signIn(page, admin);
  await expect(page.getByText(/overdue/i).first()).toBeVisible();
  await openFromDashboard(page, email.slice(0, 12), overdue.reference);
  await expect(page.getByText(/overdue/i).first()).toBeVisible();

  await page.getByRole("button", { name: "Approve" }).click();
  // The page shows the new state at once; the approve form is gone since it no longer applies.
  await expect(page.locator(".request-summary")).toContainText("in progress");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  const tasks = page.getByRole("region", { name: "Connector tasks" });
  await expect(async () => {
    await page.reload();
    await expect(tasks.getByRole("row", { name: /Test shop/ })).toContainText("succeeded");
    await expect(tasks.getByRole("heading", { name: /Manual task: Paper archive/ })).toBeVisible();
  }).toPass({ timeout: 30_000 });

  await tasks.getByLabel("What was done").fill("Scanned the paper form found in the archive.");
  // Larger than the 10 MB a proxied request body may have: the upload route is kept out of the proxy.
  await tasks.getByLabel("Document found (optional)").setInputFiles({
    name: "archive-scan.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.alloc(12 * 1024 * 1024, 0x25),
  });
  await tasks.getByRole("button", { name: "Complete task" }).click();
  // The page reloads: the form is gone and the task's row shows the note and the document, in words.
  await expect(tasks.getByRole("row", { name: /Paper archive/ })).toContainText("Scanned the paper form");
  await expect(tasks.getByRole("row", { name: /Paper archive/ })).toContainText("1 document added to the package");
  // The whole file arrived: the receipt keeps its size and fingerprint.
  const [receipt] = await sql<{ bytes: string }>(
    `SELECT t.receipt->'files'->0->>'bytes' AS bytes FROM connector_tasks t JOIN requests r ON r.id = t."requestId"
      WHERE r.reference = $1 AND t.receipt ? 'files'`,
    [overdue.reference],
  );
  expect(receipt?.bytes).toBe(String(12 * 1024 * 1024));
  await expect(async () => {
    await page.reload();
    await expect(page.locator(".request-summary")).toContainText("completed");
  }).toPass({ timeout: 30_000 });
  const ready = await waitForEmail(inbox, email);
  expect(ready.text).toMatch(/download/i);
  // Receipts in words, the raw record folded; the law by name, not its code.
  await expect(tasks.getByRole("row", { name: /Test shop/ })).toContainText("e2e customers: 1 record");
  await expect(tasks.getByText("Raw receipt").first()).toBeVisible();
  await expect(page.getByText("EU_GDPR")).toHaveCount(0);
  await shoot(page, "request-page");
});

test("an agent denies a request: no reason is preselected, the explanation is required where the law expects one, and the email is shown before it is sent", async ({
  page,
}) => {
  const agent = await createStaff("agent");
  const email = uniqueEmail("deny");
  const request = await verifiedRequest(email, "ERASURE", 10);
  await signIn(page, agent);
  await page.goto(`/staff/requests/${request.id}`);
  const reason = page.getByLabel("Reason for refusal");
  await expect(reason).toHaveValue("");
  await reason.selectOption("EXEMPTION_APPLIES");
  await expect(page.getByLabel(/Explanation for the person/)).toHaveAttribute("required", "");
  await page.getByLabel(/Explanation for the person/).fill("We hold no account or order under this address.");
  await reason.selectOption("NO_DATA_HELD");
  await page.getByRole("button", { name: "Review the email before denying" }).click();
  // The email the person will receive, in their language, before anything is sent.
  const preview = page.getByRole("region", { name: /The person will receive this email/ });
  await expect(preview).toContainText("We hold no account or order under this address.");
  await expect(preview).toContainText("CNIL");
  const [before] = await sql<{ status: string }>("SELECT status FROM requests WHERE id = $1", [request.id]);
  expect(before.status).toBe("VERIFIED");
  await shoot(page, "deny-preview");
  await page.getByRole("button", { name: "Send the refusal" }).click();
  await expect(page.locator(".request-summary")).toContainText("denied");
  const denial = await waitForEmail(inbox, email);
  expect(denial.text).toContain("We hold no account or order under this address.");
  expect(denial.text).toMatch(/CNIL/);
  const [row] = await sql<{ status: string; denialReason: string }>(`SELECT status, "denialReason" FROM requests WHERE id = $1`, [
    request.id,
  ]);
  expect(row).toEqual({ status: "DENIED", denialReason: "NO_DATA_HELD" });
});

test("the request list shows bulk actions only for ticked rows, confirms a bulk refusal with the email, and counts in the singular", async ({
  page,
}) => {
  const agent = await createStaff("agent");
  const email = uniqueEmail("bulk-deny");
  const request = await verifiedRequest(email, "ACCESS", 12);
  await signIn(page, agent);
  await page.goto(`/staff/requests?q=${request.reference}`);
  await expect(page.getByText("Showing 1 request.")).toBeVisible();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toBeHidden();
  await page.getByRole("checkbox", { name: `Select ${request.reference}` }).check();
  await expect(bulk).toBeVisible();
  await expect(page.getByText("1 request selected")).toBeVisible();
  await expect(bulk.getByLabel("Reason")).toHaveValue("");
  await bulk.getByLabel("Reason").selectOption("MANIFESTLY_UNFOUNDED_OR_EXCESSIVE");
  await bulk.getByRole("button", { name: "Deny selected…" }).click();
  await expect(page.locator(".bulk-outcome--error")).toContainText("needs an explanation");
  await bulk.getByLabel(/Explanation to each person/).fill("The same request was filed forty times this week.");
  await bulk.getByRole("button", { name: "Deny selected…" }).click();
  const confirmation = page.getByRole("form", { name: "Deny 1 request?" });
  await expect(confirmation).toContainText("forty times this week");
  await expect(confirmation).toContainText(request.reference);
  await shoot(page, "bulk-deny-confirmation");
  const [before] = await sql<{ status: string }>("SELECT status FROM requests WHERE id = $1", [request.id]);
  expect(before.status).toBe("VERIFIED");
  await confirmation.getByRole("button", { name: "Send the refusal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 denied" })).toBeVisible();
  const denial = await waitForEmail(inbox, email);
  expect(denial.text).toContain("forty times this week");
});

test("at 1280 px the request list fits the window with its last column", async ({ page }) => {
  await verifiedRequest(uniqueEmail("wide"), "ACCESS", 20);
  await signIn(page, await createStaff("agent"));
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/staff/requests");
  const table = page.getByRole("table", { name: /Requests/ });
  await expect(table).toBeVisible();
  const fits = await page.evaluate(() => {
    const wrapper = document.querySelector(".requests-table")?.parentElement;
    return { scroll: wrapper?.scrollWidth ?? 0, client: wrapper?.clientWidth ?? 0, page: document.documentElement.scrollWidth };
  });
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
  expect(fits.page).toBeLessThanOrEqual(1280);
  await expect(table.getByRole("columnheader", { name: /Connector tasks/ })).toBeInViewport();
  await page.screenshot({ path: "test-results/staff-pages/requests-1280.png", fullPage: true });
});

test("an auditor sees the queue and a request but no button that changes anything, and the server refuses the actions", async ({
  page,
  request,
}) => {
  const auditor = await createStaff("auditor");
  const target = await verifiedRequest(uniqueEmail("audited"), "ACCESS", -1);
  await signIn(page, auditor);
  await expect(page.getByRole("table", { name: /Requests/ })).toBeVisible();
  // Rows can be selected for a CSV export, and nothing else.
  await expect(page.getByRole("region", { name: /Bulk actions/ })).toHaveCount(0);
  for (const name of ["Approve selected", "Deny selected", "Assign selected"])
    await expect(page.getByRole("button", { name })).toHaveCount(0);

  await page.goto(`/staff/requests/${target.id}`);
  await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
  const buttons = (await page.getByRole("button").allTextContents()).map((t) => t.trim());
  // Signing out is the only thing an auditor can press (evidence is a download link).
  expect(buttons).toEqual(["Sign out"]);

  // One click gives the evidence bundle, and the offline verifier accepts it with the published key.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the evidence bundle" }).click();
  const bundle = join(mkdtempSync(join(tmpdir(), "dsar-evidence-")), "bundle.zip");
  await (await downloading).saveAs(bundle);
  const { publicKey } = (await (await request.get("/.well-known/evidence-key")).json()) as { publicKey: string };
  const verifier = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/evidence-verify.ts", bundle, ...args], {
      encoding: "utf8",
      // No database, no configuration: the verifier works on any machine with the project.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } as unknown as NodeJS.ProcessEnv,
    });
  const verified = verifier("--key", publicKey);
  expect(`${verified.stdout}${verified.stderr}`).toMatch(/^VALID$/m);
  expect(verified.status).toBe(0);
  // Without the published key only integrity is checked: never exit 0, which a script would take for authentic.
  const unauthenticated = verifier();
  expect(unauthenticated.stdout).toContain("INTACT, AUTHENTICITY NOT CHECKED (pass --key)");
  expect(unauthenticated.status).toBe(3);

  const key = await apiKeyFor("auditor");
  for (const action of ["approve", "deny", "extend", "request-information", "assign", "close"]) {
    const response = await request.post(`/api/v1/requests/${target.reference}/${action}`, {
      headers: { authorization: `Bearer ${key}` },
      data: { reason: "other", message: "x", userEmail: null, outcome: "fulfilled" },
    });
    expect(response.status(), action).toBe(403);
  }
  const [row] = await sql<{ status: string }>("SELECT status FROM requests WHERE id = $1", [target.id]);
  expect(row.status).toBe("VERIFIED");
});

test("on a 390 px phone the dashboard reflows its rows and a request page scrolls its tables, not the page", async ({ page }) => {
  const request = await verifiedRequest(uniqueEmail("narrow"), "ACCESS", 20);
  const agent = await createStaff("agent");
  await signIn(page, agent);
  await page.setViewportSize({ width: 390, height: 844 });
  const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.goto("/staff/requests");
  await expect(page.getByRole("table")).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
  // Reflowed: a row's cells are stacked and each names its column, none hidden to the right.
  const wrapper = page.locator(".requests-table").locator("..");
  expect(await wrapper.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await page.screenshot({ path: "test-results/staff-pages/requests-390.png", fullPage: true });
  await page.goto(`/staff/requests/${request.id}`);
  await expect(page.getByRole("heading", { name: "Connector tasks" })).toBeVisible();
  expect(await pageWidth()).toBeLessThanOrEqual(390);
});
