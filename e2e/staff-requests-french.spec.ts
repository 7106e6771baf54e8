// A member whose browser asks for French reads the request list and a request's page in French:
// headings, columns, buttons, statuses, the law, the timeline, the answers to a decision and the
// refusal dialog. The email it shows stays the person's email, in the person's language.
import { type Browser, expect, type Locator, test } from "@playwright/test";
import { uniqueEmail } from "./support/fixtures.ts";
import { verifiedRequest } from "./support/requests.ts";
import { createStaff, signIn } from "./support/staff.ts";

/** Labels these pages used to show in English; none may remain on the French pages. */
const englishLabels = [
  "Requests",
  "Showing",
  "No request matches",
  "Filters",
  "Apply filters",
  "Search reference or email",
  "Bulk actions",
  "Export this view as CSV",
  "Reference",
  "Right",
  "Law",
  "Received",
  "Due date",
  "Status",
  "Assignee",
  "Connector tasks",
  "days left",
  "awaiting verification",
  "verified, waiting for a decision",
  "All requests",
  "Deadline",
  "Why this date",
  "Acknowledge by",
  "not required by this law",
  "What they asked",
  "Timeline",
  "Times in",
  "Internal notes",
  "No notes yet",
  "Messages with the person",
  "Ask for information",
  "Extend deadline",
  "Review the email before denying",
  "Reason for refusal",
  "Choose a reason",
  "Add note",
  "Assigned to",
  "Download the evidence bundle",
  "EU GDPR",
  "web form",
];

async function expectNoEnglish(scope: Locator) {
  // biome-ignore lint/performance/useDomNodeTextContent: the text a member sees, not the folded raw records.
  const text = await scope.innerText();
  const left = englishLabels.filter((label) => new RegExp(`(^|[^\\p{L}])${label}([^\\p{L}]|$)`, "u").test(text));
  expect(left).toEqual([]);
}

/** Signs in with an English browser (the sign-in page is not what this spec is about), then reads in French. */
async function frenchAgent(browser: Browser) {
  const agent = await createStaff("agent");
  const english = await browser.newContext();
  await signIn(await english.newPage(), agent);
  const storageState = await english.storageState();
  await english.close();
  const context = await browser.newContext({ locale: "fr-FR", storageState });
  return { agent, context, page: await context.newPage() };
}

test("a member reading French sees the request list and a request's page in French, the refusal dialog too", async ({ browser }) => {
  const { agent, context, page } = await frenchAgent(browser);
  const email = uniqueEmail("fr-staff");
  const request = await verifiedRequest(email, "ERASURE", 10);

  // The list.
  await page.goto(`/staff/requests?q=${request.reference}`);
  await expect(page.getByRole("heading", { level: 1, name: "Demandes" })).toBeVisible();
  await expect(page.getByText("1 demande affichée.")).toBeVisible();
  const table = page.getByRole("table", { name: "Demandes" });
  await expect(table.getByRole("columnheader", { name: /Échéance/ })).toBeVisible();
  const row = table.getByRole("row", { name: new RegExp(request.reference) });
  await expect(row).toContainText("RGPD (UE)");
  await expect(row).toContainText("effacement");
  await expect(row).toContainText("vérifiée");
  await expect(row).toContainText("10 jours restants");
  await page.getByRole("checkbox", { name: `Sélectionner ${request.reference}` }).check();
  await expect(page.getByText("1 demande sélectionnée")).toBeVisible();
  await expect(page.getByRole("region", { name: "Actions groupées" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Appliquer les filtres" })).toBeVisible();
  await expectNoEnglish(page.locator("main"));

  // The request's page.
  await row.getByRole("link", { name: request.reference }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Demande ${request.reference}`);
  await expect(page).toHaveTitle(/Demande/);
  for (const heading of [
    "Délai",
    "Actions",
    "Personne concernée",
    "Tâches des connecteurs",
    "Échanges avec la personne",
    "Notes internes",
    "Historique",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.locator(".request-summary")).toContainText("vérifiée, en attente d’une décision");
  await expect(page.getByRole("region", { name: "Délai" })).toContainText("RGPD (UE)");
  // Where the person lives, by name in the member's language, not the code stored on the request.
  await expect(page.locator("dt", { hasText: "Pays / région" }).locator("+ dd")).toHaveText("France");

  // A decision answers in French, and the timeline tells it in French.
  await page.getByRole("button", { name: "Attribuer", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Attribuée à ${agent.email}.` })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Historique" });
  await expect(timeline).toContainText(`Attribuée à ${agent.email}`);
  await expect(timeline).toContainText(`par ${agent.email}`);
  await expect(timeline).toContainText("Événement");
  await expectNoEnglish(page.locator("main"));

  // The refusal: the dialog in French (once sent, the page shows the request refused, without the form), the email as the person will read it (in English, their language).
  await page.getByLabel("Motif du refus").selectOption("NO_DATA_HELD");
  await expect(page.getByLabel(/Explication pour la personne \(facultative\)/)).toBeVisible();
  await page.getByRole("button", { name: "Relire l’e-mail avant de refuser" }).click();
  const preview = page.getByRole("region", { name: "La personne recevra cet e-mail (anglais)" });
  await expect(preview).toContainText("Objet :");
  await expect(page.getByRole("button", { name: "Envoyer le refus" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Modifier le motif ou l’explication" })).toBeVisible();
  await page.getByRole("button", { name: "Envoyer le refus" }).click();
  await expect(page.locator(".request-summary")).toContainText("refusée");
  await expect(page.locator(".request-summary")).toContainText("aucune donnée détenue");
  await expect(timeline).toContainText("Refusée : aucune donnée détenue");
  await expectNoEnglish(page.locator("main"));
  await context.close();
});
