// An agent's own two-factor: the session cookie changes once the code is accepted (the value from
// before no longer opens anything), and turning two-factor off asks for the password and a current
// code, then tells the holder by email.
import { expect, test } from "@playwright/test";
import { totpCode, totpStep } from "../lib/auth/totp.ts";
import { inbox, waitForEmail } from "./support/fixtures.ts";
import { createStaff, currentTotp, type StaffAccount, signIn } from "./support/staff.ts";

/**
 * A code that is certainly wrong for the next minute: no step from one minute before to one minute
 * after now gives it (a fixed "000000" is right about 3 times in a million: one step either side is accepted).
 */
function wrongTotp(account: StaffAccount): string {
  if (!account.totpSecret) throw new Error(`${account.email} has no two-factor`);
  const step = totpStep(new Date());
  const valid = new Set([-2, -1, 0, 1, 2].map((delta) => totpCode(account.totpSecret as string, step + delta)));
  for (let i = 0; ; i++) {
    const code = String(i).padStart(6, "0");
    if (!valid.has(code)) return code;
  }
}

test("the cookie changes after the code, and turning two-factor off takes the password and a code", async ({ page, browser }) => {
  // A second code for the same account may have to wait for the next 30-second step.
  test.setTimeout(120_000);
  const agent = await createStaff("agent", { twoFactor: true });
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(agent.email);
  await page.getByLabel("Password").fill(agent.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
  const cookie = async () => (await page.context().cookies()).find((c) => c.name === "dsar_staff_session")?.value;
  const before = await cookie();
  await page.getByLabel("Code", { exact: true }).fill(await currentTotp(agent));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/staff\/requests/);
  const after = await cookie();
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);

  // The value from before the code opens nothing.
  const stale = await browser.newContext();
  await stale.addCookies([{ name: "dsar_staff_session", value: before as string, url: page.url() }]);
  const stalePage = await stale.newPage();
  await stalePage.goto("/staff/account");
  await stalePage.waitForURL(/\/staff\/sign-in/);
  await stale.close();

  await page.goto("/staff/account");
  const turnOff = page.locator("form").filter({ has: page.getByRole("button", { name: "Turn off two-factor" }) });
  await turnOff.getByLabel("Your password").fill("not my password");
  await turnOff.getByLabel("Code from your authenticator app").fill(wrongTotp(agent));
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(turnOff.getByText("The password is incorrect.")).toBeVisible();

  await turnOff.getByLabel("Your password").fill(agent.password);
  await turnOff.getByLabel("Code from your authenticator app").fill(await currentTotp(agent));
  await turnOff.getByRole("button", { name: "Turn off two-factor" }).click();
  await expect(page.getByText("Two-factor is off. Your other sessions were signed out.")).toBeVisible();
  const notice = await waitForEmail(inbox, agent.email, (m) => m.subject.includes("Two-factor was turned off"));
  expect(notice.text).toContain("Your other sessions were ended.");
});

test("setting up two-factor shows the recovery codes once, even though the session cookie is renewed", async ({ page }) => {
  const agent = await createStaff("agent");
  await signIn(page, agent);
  await page.goto("/staff/account");
  await page.getByRole("link", { name: "Set up two-factor" }).click();
  await page.getByRole("heading", { name: "Set up two-factor" }).waitFor();
  const secret = ((await page.locator("code.totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.getByLabel("Code from the app").fill(await currentTotp({ ...agent, totpSecret: secret }));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  // The new cookie re-renders the page: the codes must still be on screen, not lost to a redirect.
  await expect(page.getByRole("heading", { name: "Your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expect(page).toHaveURL(/\/staff\/account\/two-factor$/);
  // Two-factor is on: the set-up key and its QR code are gone, only the recovery codes remain.
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toHaveCount(0);
  await expect(page.locator("code.totp-secret")).toHaveCount(0);

  // Coming back later: two-factor is on, and the page says so instead of offering a new setup.
  await page.goto("/staff/account/two-factor");
  await expect(page.getByText("Two-factor is already on for your account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn on two-factor" })).toHaveCount(0);
});
