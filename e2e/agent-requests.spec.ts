// An authorized agent files on the French form for someone else, with a small signed PDF; the
// person confirms from the email in the web inbox; staff see the agent and open the permission.
import { expect, type Page, test } from "@playwright/test";
import { inbox, sql, uniqueEmail, waitForEmail } from "./support/fixtures.ts";
import { createStaff, signIn } from "./support/staff.ts";

const shots = "test-results/agent-requests";
const phone = { width: 390, height: 844 };
const pdf = Buffer.from("%PDF-1.4\n% J'autorise Ada Agent à faire cette demande pour moi. Ana Roy\n%%EOF\n", "latin1");

async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shots}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: `${shots}/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test("an agent files in French with a signed PDF, the person confirms from the inbox, staff open the permission", async ({
  page,
  browser,
}) => {
  const person = uniqueEmail("personne");
  const agentEmail = uniqueEmail("mandataire");
  await page.goto("/fr");
  await page.getByRole("checkbox", { name: "Accès", exact: true }).check();
  await page.getByLabel("Pays de résidence").selectOption("FR");
  await page.getByRole("checkbox", { name: "Je fais la demande pour quelqu’un d’autre, avec son autorisation signée" }).check();
  await expect(page.getByRole("group", { name: "Vous, qui faites la demande" })).toBeVisible();

  // Sent without the permission and with a bad email: the summary names both, in French.
  await page.getByLabel("Votre nom").fill("Ada Agent");
  await page.getByLabel("Votre adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("L’adresse e-mail de la personne").fill(person);
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
  await expect(summary).toContainText("Saisissez votre propre adresse e-mail");
  await expect(summary).toContainText("Joignez l’autorisation signée par la personne");
  await shoot(page, "form-errors");

  // A text file renamed .pdf is refused by its content.
  await page.getByLabel("Votre adresse e-mail").fill(agentEmail);
  await page.getByLabel("Votre organisme").fill("Aide Vie Privée");
  await page
    .getByLabel("L’autorisation signée par la personne")
    .setInputFiles({ name: "autorisation.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>pas un PDF</html>") });
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(summary).toContainText("Ce fichier n’est ni un PDF, ni un PNG, ni un JPEG");

  await page
    .getByLabel("L’autorisation signée par la personne")
    .setInputFiles({ name: "autorisation.pdf", mimeType: "application/pdf", buffer: pdf });
  await shoot(page, "form-filled");
  await page.getByRole("button", { name: "Envoyer ma demande" }).click();
  await expect(page).toHaveURL(/\/fr\/submitted\?ref=DSR-/);
  const [row] = await sql<{ reference: string; status: string; agentEmail: string; permissionType: string }>(
    `SELECT r.reference, r.status, a."agentEmail", a."permissionType" FROM requests r JOIN agent_authorizations a ON a."requestId" = r.id WHERE r.email = $1`,
    [person],
  );
  expect(row).toMatchObject({ status: "SUBMITTED", agentEmail, permissionType: "application/pdf" });

  // The agent is told the person must confirm; the person gets the link, in French, naming the agent.
  const toAgent = await waitForEmail(inbox, agentEmail);
  expect(toAgent.text).toContain("Elle doit nous confirmer la demande elle-même");
  await waitForEmail(inbox, person);
  const mail = await browser.newPage();
  await mail.goto(inbox);
  await mail.getByRole("row").filter({ hasText: person }).getByRole("link").click();
  await expect(mail.getByText("Ada Agent, de Aide Vie Privée, nous a indiqué")).toBeVisible();
  await mail.getByRole("link", { name: /\/fr\/verify\// }).click();
  await expect(mail.getByRole("button", { name: "Confirmer ma demande" })).toBeVisible();
  await mail.getByRole("button", { name: "Confirmer ma demande" }).click();
  await expect(mail.getByRole("heading", { name: "Votre adresse e-mail est confirmée" })).toBeVisible();
  const [verified] = await sql<{ status: string }>("SELECT status FROM requests WHERE reference = $1", [row.reference]);
  expect(verified.status).toBe("VERIFIED");

  // Staff see the agent, download the permission as sent, and record the check.
  const staff = await createStaff("agent");
  await signIn(page, staff);
  await page.goto(`/staff/requests/${row.reference}`);
  const section = page.getByRole("region", { name: "Filed by an authorized agent" });
  await expect(section).toContainText("Ada Agent");
  await expect(section).toContainText(agentEmail);
  await expect(section).toContainText("Not checked");
  const download = page.waitForEvent("download");
  await section.getByRole("link", { name: /Download the permission/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`permission-${row.reference}.pdf`);
  const saved = await file.path();
  expect(Buffer.compare((await import("node:fs")).readFileSync(saved), pdf)).toBe(0);
  await section.getByRole("button", { name: "Mark the permission as checked" }).click();
  await expect(section).toContainText(`Checked by ${staff.email}`);
  await shoot(page, "staff-request");
});
