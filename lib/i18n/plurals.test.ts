// The sentences that used to pick their plural by hand, now ICU plurals: 0, 1 and 2 in both
// languages (French puts 0 with 1, English with 2).
import { describe, expect, it } from "vitest";
import { translator } from "./translator.ts";

const en = translator("en");
const fr = translator("fr");

describe("the public pages' plurals", () => {
  it("count the requests recorded on the check-your-email page", () => {
    expect([0, 1, 2].map((count) => en("publicForm.submitted.created", { count }))).toEqual([
      "We recorded your 0 requests:",
      "We recorded your request:",
      "We recorded your 2 requests:",
    ]);
    expect([0, 1, 2].map((count) => fr("publicForm.submitted.created", { count }))).toEqual([
      "Nous avons enregistré votre demande\u00a0:",
      "Nous avons enregistré votre demande\u00a0:",
      "Nous avons enregistré vos 2 demandes\u00a0:",
    ]);
  });

  it("say that the requests close, in the plural, with the days counted", () => {
    expect(en("publicForm.submitted.closesAfter", { days: 7, count: 3 })).toBe(
      "If the address is not confirmed within 7 days, the requests close.",
    );
    expect(en("publicForm.submitted.closesAfter", { days: 1, count: 1 })).toBe(
      "If the address is not confirmed within 1 day, the request closes.",
    );
    expect(en("publicForm.submitted.closesAfter", { days: 0, count: 1 })).toBe(
      "If the address is not confirmed within 0 days, the request closes.",
    );
    expect(fr("publicForm.submitted.closesAfter", { days: 7, count: 2 })).toBe(
      "Si l’adresse n’est pas confirmée dans un délai de 7 jours, les demandes seront closes.",
    );
    expect(fr("publicForm.submitted.closesAfter", { days: 1, count: 1 })).toBe(
      "Si l’adresse n’est pas confirmée dans un délai de 1 jour, la demande sera close.",
    );
    expect(fr("publicForm.submitted.closesAfter", { days: 0, count: 1 })).toBe(
      "Si l’adresse n’est pas confirmée dans un délai de 0 jour, la demande sera close.",
    );
  });

  it("count the hours a link and a code work, and the tries left", () => {
    expect([0, 1, 2].map((hours) => en("publicForm.verify.expiredText", { hours }).split(". ")[0])).toEqual([
      "For your security, a confirmation link works for 0 hours",
      "For your security, a confirmation link works for 1 hour",
      "For your security, a confirmation link works for 2 hours",
    ]);
    expect([0, 1, 2].map((hours) => fr("publicForm.verify.expiredText", { hours }).split(". ")[0])).toEqual([
      "Pour votre sécurité, un lien de confirmation fonctionne pendant 0 heure",
      "Pour votre sécurité, un lien de confirmation fonctionne pendant 1 heure",
      "Pour votre sécurité, un lien de confirmation fonctionne pendant 2 heures",
    ]);
    expect(en("publicForm.submitted.sent", { hours: 1 })).toMatch(/They expire in 1 hour\.$/);
    expect(fr("publicForm.submitted.sent", { hours: 24 })).toMatch(/Ils expirent au bout de 24 heures\.$/);
    expect([0, 1, 2].map((left) => en("publicForm.submitted.invalidCode", { left }))).toEqual([
      "This code is not right. You have 0 attempts left.",
      "This code is not right. You have 1 attempt left.",
      "This code is not right. You have 2 attempts left.",
    ]);
    expect([0, 1, 2].map((left) => fr("publicForm.submitted.invalidCode", { left }))).toEqual([
      "Ce code n’est pas le bon. Il vous reste 0 essai.",
      "Ce code n’est pas le bon. Il vous reste 1 essai.",
      "Ce code n’est pas le bon. Il vous reste 2 essais.",
    ]);
  });

  it("speak of the requests in the plural when the submission has several, in both languages", () => {
    expect(en("publicStatus.status.title", { count: 1 })).toBe("Your request");
    expect(en("publicStatus.status.title", { count: 2 })).toBe("Your requests");
    expect(en("publicStatus.status.intro", { count: 3 })).toContain("where your requests stand");
    expect(en("publicStatus.status.intro", { count: 1 })).toContain("where your request stands");
    expect(en("publicStatus.status.confirmedText", { count: 2 })).toContain("to follow your requests");
    expect(fr("publicStatus.status.title", { count: 2 })).toBe("Vos demandes");
    expect(fr("publicStatus.status.intro", { count: 2 })).toContain("où en sont vos demandes");
    expect(fr("publicStatus.status.intro", { count: 1 })).toContain("où en est votre demande");
    expect(fr("publicStatus.status.confirmedText", { count: 2 })).toContain("pour suivre vos demandes");
  });

  it("name the law's time limit in months, days or business days", () => {
    const basis = (t: typeof en, unit: string, length: number) =>
      t("publicStatus.status.lawBasis", { law: "GDPR", unit, length }).split(" from ")[0].split(" à compter")[0];
    expect(basis(en, "month", 1)).toBe("The law that protects you here (GDPR) gives us 1 month");
    expect(basis(en, "month", 2)).toBe("The law that protects you here (GDPR) gives us 2 months");
    expect(basis(en, "day", 0)).toBe("The law that protects you here (GDPR) gives us 0 days");
    expect(basis(en, "day", 45)).toBe("The law that protects you here (GDPR) gives us 45 days");
    expect(basis(en, "businessDay", 1)).toBe("The law that protects you here (GDPR) gives us 1 business day");
    expect(basis(en, "businessDay", 2)).toBe("The law that protects you here (GDPR) gives us 2 business days");
    expect(basis(fr, "month", 1)).toBe("La loi qui vous protège ici (GDPR) nous donne 1 mois");
    expect(basis(fr, "month", 2)).toBe("La loi qui vous protège ici (GDPR) nous donne 2 mois");
    expect(basis(fr, "day", 0)).toBe("La loi qui vous protège ici (GDPR) nous donne 0 jour");
    expect(basis(fr, "day", 2)).toBe("La loi qui vous protège ici (GDPR) nous donne 2 jours");
    expect(basis(fr, "businessDay", 1)).toBe("La loi qui vous protège ici (GDPR) nous donne 1 jour ouvrable");
    expect(basis(fr, "businessDay", 10)).toBe("La loi qui vous protège ici (GDPR) nous donne 10 jours ouvrables");
  });

  it("count the downloads left, and the days to confirm on the privacy page", () => {
    const left = (t: typeof en, n: number) => t("publicStatus.download.details", { date: "7 May 2027", left: n }).split(".")[0];
    expect([0, 1, 2].map((n) => left(en, n))).toEqual([
      "The download works until 7 May 2027, 0 more times",
      "The download works until 7 May 2027, 1 more time",
      "The download works until 7 May 2027, 2 more times",
    ]);
    expect([0, 1, 2].map((n) => left(fr, n))).toEqual([
      "Le téléchargement fonctionne jusqu’au 7 May 2027, encore 0 fois",
      "Le téléchargement fonctionne jusqu’au 7 May 2027, encore 1 fois",
      "Le téléchargement fonctionne jusqu’au 7 May 2027, encore 2 fois",
    ]);
    expect(en("publicPrivacy.keep.confirm", { days: 1 })).toContain("within 1 day,");
    expect(en("publicPrivacy.keep.confirm", { days: 30 })).toContain("within 30 days,");
    expect(fr("publicPrivacy.keep.confirm", { days: 1 })).toContain("délai de 1 jour,");
    expect(fr("publicPrivacy.keep.confirm", { days: 30 })).toContain("délai de 30 jours,");
  });

  it("write a package's size with the reader's decimal mark", () => {
    expect(en("publicStatus.download.sizeKb", { kb: 1024 })).toBe("Size: about 1,024 KB.");
    expect(en("publicStatus.download.sizeMb", { mb: 1.5 })).toBe("Size: about 1.5 MB.");
    expect(en("publicStatus.download.sizeMb", { mb: 2 })).toBe("Size: about 2.0 MB.");
    expect(fr("publicStatus.download.sizeMb", { mb: 1.5 })).toBe("Taille\u00a0: environ 1,5\u00a0Mo.");
  });
});

describe("the customer emails' plurals", () => {
  it("count the requests received and the hours and days to confirm", () => {
    expect([1, 2].map((count) => en("emails.requestAcknowledged.subject", { companyName: "Acme", count }))).toEqual([
      "Acme has received your request",
      "Acme has received your 2 requests",
    ]);
    expect([0, 1, 2].map((count) => fr("emails.requestAcknowledged.heading", { count }))).toEqual([
      "Nous avons bien reçu votre demande",
      "Nous avons bien reçu votre demande",
      "Nous avons bien reçu vos demandes",
    ]);
    expect([0, 1, 2].map((hours) => en("emails.verifyRequest.expires", { hours }))).toEqual([
      "The button and the code expire after 0 hours.",
      "The button and the code expire after 1 hour.",
      "The button and the code expire after 2 hours.",
    ]);
    expect([0, 1, 2].map((hours) => fr("emails.verifyRequest.expires", { hours }))).toEqual([
      "Le bouton et le code expirent au bout de 0 heure.",
      "Le bouton et le code expirent au bout de 1 heure.",
      "Le bouton et le code expirent au bout de 2 heures.",
    ]);
    expect(en("emails.requestExpired.why", { days: 1 })).toMatch(/^The email address was not confirmed within 1 day\./);
    expect(fr("emails.requestExpired.why", { days: 2 })).toMatch(/^L’adresse e-mail n’a pas été confirmée dans un délai de 2 jours\./);
    expect(en("emails.agentRequestReceived.confirm", { days: 0 })).toContain("within 0 days;");
    expect(fr("emails.agentRequestReceived.confirm", { days: 1 })).toContain("dans les 1 jour\u00a0;");
  });

  it("count records with the reader's digit grouping", () => {
    expect([0, 1, 2, 1500].map((count) => en("emails.erasureCompleted.erased", { count }))).toEqual([
      "0 records deleted or anonymised.",
      "1 record deleted or anonymised.",
      "2 records deleted or anonymised.",
      "1,500 records deleted or anonymised.",
    ]);
    expect([0, 1, 2, 1500].map((count) => fr("emails.erasureCompleted.erased", { count }))).toEqual([
      "0 enregistrement supprimé ou anonymisé.",
      "1 enregistrement supprimé ou anonymisé.",
      "2 enregistrements supprimés ou anonymisés.",
      "1\u202f500 enregistrements supprimés ou anonymisés.",
    ]);
    expect(en("emails.preferenceApplied.changed", { count: 1, categories: "Orders" })).toBe("Switched off on 1 record (Orders).");
    expect(fr("emails.preferenceApplied.changed", { count: 2, categories: "Commandes" })).toBe(
      "Désactivé sur 2 enregistrements (Commandes).",
    );
    expect(en("emails.packageReady.systemsIntro", { count: 1 })).toBe("We searched 1 system:");
    expect(fr("emails.packageReady.systemsIntro", { count: 2 })).toBe("Nous avons consulté 2 systèmes\u00a0:");
  });

  it("say one download only when only one is allowed", () => {
    expect(en("emails.packageReady.limits", { date: "7 May", count: 1 })).toBe("The link works until 7 May, for one download only.");
    expect(en("emails.packageReady.limits", { date: "7 May", count: 2 })).toBe("The link works until 7 May, for up to 2 downloads.");
    expect(fr("emails.packageReady.limits", { date: "7 mai", count: 1 })).toBe(
      "Le lien fonctionne jusqu’au 7 mai, pour un seul téléchargement.",
    );
    expect(fr("emails.packageReady.limits", { date: "7 mai", count: 3 })).toBe(
      "Le lien fonctionne jusqu’au 7 mai, pour 3 téléchargements au maximum.",
    );
  });
});
