// The sign-in page after a refusal: the message is shown and the email typed is still there (only
// the password field is emptied).
import { expect, test } from "@playwright/test";
import { createStaff } from "./support/staff.ts";

test("a refused sign-in keeps the email and empties the password", async ({ page }) => {
  const agent = await createStaff("agent", { twoFactor: false });
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(agent.email);
  await page.getByLabel("Password").fill(`${agent.password} but wrong`);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The refusal itself (Next's route announcer is an alert too, so find the message by its text).
  await expect(page.getByText("The email or password is incorrect.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(agent.email);
  await expect(page.getByLabel("Password")).toHaveValue("");
  // And the right password then works from there.
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/staff\/requests/);
});
