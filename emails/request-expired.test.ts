import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email.ts";

const base = {
  companyName: "Acme",
  references: ["DSR-AAAA-BBBB", "DSR-CCCC-DDDD"],
  types: ["access", "erasure"],
  verifyWithinDays: 7,
  newRequestUrl: "https://portal.example/fr/request",
};
const cnil = {
  authority: "Commission nationale de l’informatique et des libertés (CNIL)",
  url: "https://www.cnil.fr",
  kind: "supervisory-authority",
  appeal: false,
};
const virginia = { authority: "the Virginia Attorney General", kind: "regulator", appeal: true };

describe("request-expired", () => {
  // No action was taken: GDPR Art. 12(4) asks for the reasons and where to complain, as in a denial.
  it("says why nothing was done and where to complain, in French", async () => {
    const email = await renderEmail("request-expired", "fr", { ...base, complaint: cnil });
    expect(email.text).toContain("L’adresse e-mail n’a pas été confirmée dans un délai de 7 jours");
    expect(email.text).toContain("SI VOUS N’ÊTES PAS D’ACCORD");
    expect(email.text).toContain("introduire une réclamation auprès d’une autorité de contrôle");
    expect(email.text).toContain("CNIL");
    expect(email.text).toContain("https://www.cnil.fr");
    expect(email.text).toContain("recours juridictionnel");
    expect(email.text).toContain("DSR-AAAA-BBBB, DSR-CCCC-DDDD");
  });

  it("gives appeal instructions, then the regulator, where the law gives an appeal, in English", async () => {
    const email = await renderEmail("request-expired", "en", { ...base, complaint: virginia });
    expect(email.text).toContain("IF YOU DISAGREE");
    expect(email.text).toContain("You have the right to appeal this decision. To appeal, reply to this email");
    expect(email.text).toContain("the Virginia Attorney General");
  });

  it("refuses props without the complaint route", async () => {
    await expect(renderEmail("request-expired", "en", base)).rejects.toThrow(/complaint/);
  });
});
