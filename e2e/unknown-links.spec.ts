// Links the portal does not know answer 404 (not a 200 page that looks like a result), and still
// tell the person, in the link's language, what went wrong and where to go.
import { expect, test } from "@playwright/test";

const unknownToken = "u".repeat(43);
const cases = [
  { path: `/fr/status/${unknownToken}`, heading: /Nous ne trouvons pas cette demande/ },
  { path: `/en/status/${unknownToken}`, heading: "We cannot find this request" },
  { path: "/en/status/not-even-a-token", heading: "We cannot find this request" },
  { path: `/fr/download/${unknownToken}`, heading: /Ce lien de téléchargement n’est pas valide/ },
  { path: `/en/download/${unknownToken}`, heading: "This download link is not valid" },
];

for (const { path, heading } of cases) {
  test(`${path} answers 404 with its own explanation`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("link", { name: /request|demande/i }).first()).toBeVisible();
  });
}
