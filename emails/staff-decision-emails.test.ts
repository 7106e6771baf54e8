import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email.ts";

const base = { companyName: "Acme", reference: "DSR-AAAA-BBBB", type: "access", statusUrl: "https://portal.example/fr/status/t0k" };
const cnil = {
  authority: "Commission nationale de l’informatique et des libertés (CNIL)",
  url: "https://www.cnil.fr",
  kind: "supervisory-authority",
  appeal: false,
};
const virginia = { authority: "the Virginia Attorney General", kind: "regulator", appeal: true };

describe("request-denied", () => {
  it("states the reason in plain French, the team's message, the authority and the status link", async () => {
    const email = await renderEmail("request-denied", "fr", {
      ...base,
      reason: "IDENTITY_NOT_VERIFIED",
      message: "Le justificatif reçu\nne correspond pas.",
      complaint: cnil,
    });
    expect(email.subject).toBe("Acme ne peut pas donner suite à votre demande DSR-AAAA-BBBB");
    expect(email.text).toContain("Nous n’avons pas pu confirmer que vous êtes la personne concernée");
    expect(email.html).toContain("Le justificatif reçu<br/>ne correspond pas.");
    expect(email.text).toContain("CNIL");
    expect(email.text).toContain("https://www.cnil.fr");
    expect(email.text).toContain("recours juridictionnel");
    expect(email.text).toContain("https://portal.example/fr/status/t0k");
    expect(email.html).toContain('lang="fr"');
  });

  it("gives appeal instructions, then the regulator, where the law gives an appeal", async () => {
    const email = await renderEmail("request-denied", "en", { ...base, reason: "EXEMPTION_APPLIES", complaint: virginia });
    expect(email.text).toContain("You have the right to appeal this decision. To appeal, reply to this email");
    expect(email.text).toContain(
      "If we maintain our decision after your appeal, you can submit a complaint to the Virginia Attorney General.",
    );
    expect(email.text).not.toContain("Our explanation");
  });

  it("refuses OTHER without a message, and an unknown reason", async () => {
    await expect(renderEmail("request-denied", "en", { ...base, reason: "OTHER", complaint: cnil })).rejects.toThrow(
      /message: is required when the reason is OTHER/,
    );
    await expect(renderEmail("request-denied", "en", { ...base, reason: "BORED", complaint: cnil })).rejects.toThrow(/reason/);
  });
});

describe("request-closed", () => {
  it("announces a complete answer without remedies", async () => {
    const email = await renderEmail("request-closed", "en", { ...base, outcome: "fulfilled" });
    expect(email.subject).toBe("Acme has completed your request DSR-AAAA-BBBB");
    expect(email.text).not.toContain("If you disagree");
  });

  it("explains a partial answer in French with the remedies", async () => {
    const email = await renderEmail("request-closed", "fr", {
      ...base,
      outcome: "partially-fulfilled",
      message: "Les archives papier de 2012 ont été détruites.",
      complaint: cnil,
    });
    expect(email.subject).toBe("Acme a répondu en partie à votre demande DSR-AAAA-BBBB");
    expect(email.text).toMatch(/Ce que nous n’avons pas fait, et pourquoi/i);
    expect(email.text).toContain("Les archives papier de 2012 ont été détruites.");
    expect(email.text).toContain("réclamation");
  });

  it("refuses a partial answer without its explanation", async () => {
    await expect(renderEmail("request-closed", "en", { ...base, outcome: "partially-fulfilled", complaint: cnil })).rejects.toThrow(
      /a partial answer needs the message/,
    );
  });
});
