// The staff side in French: a member chooses Français on their account page and the menu, the
// account page and the request list read in French at once (the layout is refreshed by the action,
// no reload); before sign-in, a browser asking for French gets the sign-in page and its refusal in
// French, with the typed email kept.
import { expect, type Page, test } from "@playwright/test";
import staffAccount from "../messages/en/staff-account.json" with { type: "json" };
import staffAuth from "../messages/en/staff-auth.json" with { type: "json" };
import { ssoButtonLabelFr } from "./support/sso-users.ts";
import { createStaff, signIn } from "./support/staff.ts";

/** The English words of a catalogue part, as whole sentences or labels (without arguments). */
function englishTexts(tree: object): string[] {
  return Object.values(tree)
    .flatMap((value) => (typeof value === "string" ? value.split(/[{}<>]/) : englishTexts(value)))
    .map((text) => text.trim())
    .filter((text) => text.split(/\s+/).length >= 2);
}

async function englishLeftIn(page: Page, texts: string[]): Promise<string[]> {
  // The text a person sees (scripts hold the catalogue of the page's own language, not shown).
  // biome-ignore lint/performance/useDomNodeTextContent: the visible text is what must be French.
  const shown = await page.locator("body").innerText();
  return texts.filter((text) => shown.includes(text));
}

test("a member switches to Français: the menu, the account page and the request list read in French without a reload", async ({ page }) => {
  const agent = await createStaff("agent", { twoFactor: false });
  await signIn(page, agent);
  await page.getByRole("link", { name: `${agent.email} (agent)` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("Follow my browser (now: English)")).toBeChecked();
  await expect(page.getByText("while you follow your browser, they are in English")).toBeVisible();

  // A reload would hide a layout left in English: this mark lives only as long as the document.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByLabel("Français").check();
  await page.getByRole("button", { name: "Save the language" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Langue enregistrée." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Votre compte" })).toBeVisible();
  const menu = page.getByRole("navigation", { name: "Équipe" });
  await expect(menu.getByRole("link", { name: "Demandes" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `${agent.email} (agent)` })).toBeVisible();
  await expect(page.getByLabel("Français")).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByText("agent, qui peut\u00a0:")).toBeVisible();
  expect(await englishLeftIn(page, englishTexts(staffAccount))).toEqual([]);

  await menu.getByRole("link", { name: "Demandes" }).click();
  await page.waitForURL(/\/staff\/requests/);
  await expect(page.getByRole("button", { name: "Se déconnecter", exact: true })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  // And back to following the browser (English here), again without a reload.
  await page.getByRole("link", { name: `${agent.email} (agent)` }).click();
  await page.getByLabel("Suivre mon navigateur (actuellement\u00a0: English)").check();
  await page.getByRole("button", { name: "Enregistrer la langue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Staff" }).getByRole("link", { name: "Requests" })).toBeVisible();
});

test("a member who chose Français reads the request list's heading in French", async ({ page }) => {
  const agent = await createStaff("agent", { twoFactor: false });
  await signIn(page, agent);
  await page.goto("/staff/account");
  await page.getByLabel("Français").check();
  await page.getByRole("button", { name: "Save the language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Votre compte" })).toBeVisible();
  await page.getByRole("navigation", { name: "Équipe" }).getByRole("link", { name: "Demandes" }).click();
  await page.waitForURL(/\/staff\/requests/);
  await expect(page.getByRole("heading", { level: 1, name: "Demandes" })).toBeVisible();
});

test.describe("a browser asking for French", () => {
  test.use({ locale: "fr-FR" });

  test("gets the sign-in page in French, and a French refusal that keeps the typed email", async ({ page }) => {
    const agent = await createStaff("agent", { twoFactor: false });
    await page.goto("/staff/sign-in");
    await expect(page.getByRole("heading", { level: 1, name: "Connexion" })).toBeVisible();
    await expect(page).toHaveTitle(/Connexion/);
    // The operator's French label for the single sign-on button (OIDC_BUTTON_LABEL_FR).
    await expect(page.getByRole("link", { name: ssoButtonLabelFr })).toBeVisible();
    await page.getByLabel("Adresse e-mail").fill(agent.email);
    await page.getByLabel("Mot de passe").fill(`${agent.password} faux`);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("L’adresse e-mail ou le mot de passe est incorrect.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(agent.email);
    await expect(page.getByLabel("Mot de passe")).toHaveValue("");
    expect(await englishLeftIn(page, [...englishTexts(staffAuth.signIn), ...englishTexts(staffAuth.errors)])).toEqual([]);
    // An empty password is refused next to its field, in French too.
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByText("Saisissez votre mot de passe.")).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(agent.email);
  });
});
