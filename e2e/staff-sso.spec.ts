// Staff single sign-on end to end: the button on the sign-in page, the test identity provider's
// own login page (a real OpenID Connect provider, started by the stack), and back signed in.
import { expect, test } from "@playwright/test";
import { ssoButtonLabel, ssoUsers } from "./support/sso-users.ts";
import { createStaffWithEmail, expectStaffMenu } from "./support/staff.ts";

async function signInAtProvider(page: import("@playwright/test").Page, user: { email: string; password: string }) {
  await page.goto("/staff/sign-in");
  // The password form stays beside the button (OIDC_ONLY is off).
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.getByRole("link", { name: ssoButtonLabel }).click();
  await page.getByRole("heading", { name: "Test identity provider" }).waitFor();
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a staff member signs in with the company's identity provider and lands on the requests", async ({ page }) => {
  // Two-factor is on for the account, but the provider asserts multi-factor: no local code asked.
  await createStaffWithEmail(ssoUsers.agentWithMfa.email, "agent", { twoFactor: true });
  await signInAtProvider(page, ssoUsers.agentWithMfa);
  await page.waitForURL(/\/staff\/requests/);
  await expectStaffMenu(page);
});

test("someone without an account and without a mapped group is refused with a clear page", async ({ page }) => {
  await signInAtProvider(page, ssoUsers.stranger);
  await page.waitForURL(/\/staff\/sso\/refused/);
  await expect(page.getByRole("heading", { name: "You are not signed in" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "There is no staff account for your email address. Ask an administrator to invite you.",
  );
  await page.goto("/staff/requests");
  await page.waitForURL(/\/staff\/sign-in/);
});
