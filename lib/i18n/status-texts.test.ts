import { describe, expect, it } from "vitest";
import { t } from "./messages.ts";

describe("texts for several requests", () => {
  it("say that the requests close, in the plural, on the check-your-email page", () => {
    expect(t("en").submitted.closesAfter(7, 3)).toBe("If the address is not confirmed within 7 days, the requests close.");
    expect(t("en").submitted.closesAfter(7, 1)).toBe("If the address is not confirmed within 7 days, the request closes.");
    expect(t("fr").submitted.closesAfter(7, 2)).toBe(
      "Si l’adresse n’est pas confirmée dans un délai de 7 jours, les demandes seront closes.",
    );
  });

  it("speak of the requests in the plural when the submission has several, in both languages", () => {
    expect(t("en").status.intro(3)).toContain("where your requests stand");
    expect(t("en").status.intro(1)).toContain("where your request stands");
    expect(t("en").status.confirmedText(2)).toContain("to follow your requests");
    expect(t("fr").status.intro(2)).toContain("où en sont vos demandes");
    expect(t("fr").status.intro(1)).toContain("où en est votre demande");
    expect(t("fr").status.confirmedText(2)).toContain("pour suivre vos demandes");
  });
});
