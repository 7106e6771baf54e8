// Staff accounts, sessions and API keys for the end-to-end specs, made through the portal's own
// services against the running stack's database (its configuration comes from the state file).
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { e2eStateFile } from "./ports.ts";

export type Role = "admin" | "agent" | "auditor";
export type StaffAccount = { id: string; email: string; role: Role; password: string; totpSecret: string | null };

let loaded: Promise<typeof import("./staff-services.ts")> | null = null;
/** lib/ reads its configuration once, on first use: point it at the test stack first. */
function services() {
  loaded ??= (async () => {
    const { env } = JSON.parse(readFileSync(e2eStateFile, "utf8")) as { env: Record<string, string> };
    Object.assign(process.env, env, { NODE_ENV: "test" });
    return import("./staff-services.ts");
  })();
  return loaded;
}

let counter = 0;

/**
 * A ready account: own password set, two-factor on when asked (always for admins). With
 * `mustChangePassword` the password is a one-time one, as after an administrator's reset.
 */
export async function createStaff(role: Role, options: { twoFactor?: boolean; mustChangePassword?: boolean } = {}): Promise<StaffAccount> {
  const email = `${role}.${Date.now()}.${counter++}@staff.example.test`;
  return (await services()).createReadyStaff(email, role, options.twoFactor ?? role === "admin", options.mustChangePassword ?? false);
}

/** A ready account with a given email (single sign-on specs: the provider's people have fixed emails). */
export async function createStaffWithEmail(email: string, role: Role, options: { twoFactor?: boolean } = {}): Promise<StaffAccount> {
  return (await services()).createReadyStaff(email, role, options.twoFactor ?? role === "admin");
}

/** A session cookie value for the account (as if it had signed in with both factors). */
export async function sessionCookieFor(account: StaffAccount): Promise<string> {
  return (await services()).openSession(account.id);
}

export async function apiKeyFor(role: Role | "integration"): Promise<string> {
  return (await services()).makeApiKey(role);
}

export async function currentTotp(account: StaffAccount): Promise<string> {
  if (!account.totpSecret) throw new Error(`${account.email} has no two-factor`);
  return (await services()).freshTotp(account.totpSecret);
}

/** Signs in through the pages, with the second factor when the account has one. */
export async function signIn(page: Page, account: StaffAccount) {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (account.totpSecret) {
    await page.getByRole("heading", { name: "Two-factor code" }).waitFor();
    await page.getByLabel("Code", { exact: true }).fill(await currentTotp(account));
    await page.getByRole("button", { name: "Continue" }).click();
  }
  await page.waitForURL(/\/staff\/requests/);
  await expectStaffMenu(page);
}

/** The header a signed-in member sees: the menu and "Sign out", without reloading the page. */
export async function expectStaffMenu(page: Page) {
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Requests" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
