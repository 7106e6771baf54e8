import { describe, expect, it } from "vitest";
import { t } from "./messages.ts";

describe("status page texts for several requests", () => {
  it("speak of the requests in the plural when the submission has several, in both languages", () => {
    expect(t("en").status.intro(3)).toContain("where your requests stand");
    expect(t("en").status.intro(1)).toContain("where your request stands");
    expect(t("en").status.confirmedText(2)).toContain("to follow your requests");
    expect(t("fr").status.intro(2)).toContain("où en sont vos demandes");
    expect(t("fr").status.intro(1)).toContain("où en est votre demande");
    expect(t("fr").status.confirmedText(2)).toContain("pour suivre vos demandes");
  });
});
