// An admin invites a colleague; the invitation arrives by email, the colleague chooses a password
// on the invitation page and signs in to the queue.
import { expect, test } from "@playwright/test";
import { inbox, waitForEmail } from "./support/fixtures.ts";
import { createStaff, signIn } from "./support/staff.ts";

test("an invited agent sets a password from the emailed link and signs in", async ({ page, browser }) => {
  const admin = await createStaff("admin");
  await signIn(page, admin);
  await page.goto("/staff/users/invite");
  const email = `invited.${Date.now()}@staff.example.test`;
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("radio", { name: /^Agent/ }).check();
  await page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(email).first()).toBeVisible();

  const invitation = await waitForEmail(inbox, email);
  const link = invitation.text.match(/https?:\/\/\S+\/staff\/invite\/[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no invitation link in: ${invitation.text}`);
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "Set up your account" })).toBeVisible();
  await colleague.getByLabel("New password", { exact: true }).fill("short");
  await colleague.getByLabel("New password again").fill("short");
  await colleague.getByRole("button", { name: "Save my password" }).click();
  await expect(colleague.getByText("The password must be at least 12 characters long.")).toBeVisible();
  await colleague.getByLabel("New password", { exact: true }).fill("a colleague's long passphrase");
  await colleague.getByLabel("New password again").fill("a colleague's long passphrase");
  await colleague.getByRole("button", { name: "Save my password" }).click();
  await colleague.waitForURL(/\/staff\/sign-in/);
  await colleague.getByLabel("Email address").fill(email);
  await colleague.getByLabel("Password").fill("a colleague's long passphrase");
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague.getByRole("table", { name: /Requests/ })).toBeVisible();

  // The link worked once.
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
});
