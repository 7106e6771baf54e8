// The deadline explained in French: every sentence the engine writes exists in French, the dates and
// the result do not depend on the language, and nothing English is left in the person's text.
import { describe, expect, it } from "vitest";
import { computeDeadline } from "./compute-deadline.ts";
import type { DeadlineInput } from "./input.ts";

const cases: Array<[string, DeadlineInput]> = [
  [
    "GDPR with a move past Christmas, a pause, an answer and an extension",
    {
      jurisdiction: "EU_GDPR",
      requestType: "erasure",
      receivedAt: "2025-11-25T23:30:00Z",
      timeZone: "Europe/Paris",
      holidayRegion: "FR",
      events: [
        { type: "pause", at: "2025-11-28T10:00:00Z" },
        { type: "resume", at: "2025-12-02T10:00:00Z" },
        { type: "extend", at: "2025-12-10T10:00:00Z", reason: "Douze systèmes à consulter." },
      ],
    },
  ],
  [
    "UK restart over an open pause after an extension",
    {
      jurisdiction: "UK_GDPR",
      requestType: "access",
      receivedAt: "2024-11-25T10:00:00Z",
      timeZone: "Europe/London",
      holidayRegion: "GB-ENG",
      events: [
        { type: "extend", at: "2024-12-02T10:00:00Z", reason: "Volume." },
        { type: "pause", at: "2024-12-03T10:00:00Z" },
        { type: "restart", at: "2024-12-05T10:00:00Z" },
      ],
    },
  ],
  [
    "California: calendar days, acknowledgement, a pause that moves nothing",
    {
      jurisdiction: "US_CA",
      requestType: "access",
      receivedAt: "2026-01-30T18:00:00Z",
      timeZone: "America/Los_Angeles",
      holidayRegion: "US-CA",
      events: [{ type: "pause", at: "2026-02-02T18:00:00Z" }],
    },
  ],
  [
    "Quebec: no extension, silence is a refusal, restart refused",
    {
      jurisdiction: "CA_QC",
      requestType: "portability",
      receivedAt: "2026-03-02T15:00:00Z",
      timeZone: "America/Toronto",
      holidayRegion: "CA-QC",
      events: [{ type: "restart", at: "2026-03-05T15:00:00Z" }],
    },
  ],
];

describe("the deadline explained in French", () => {
  it.each(cases)("%s", (_title, input) => {
    const english = computeDeadline(input);
    const french = computeDeadline({ ...input, language: "fr" });
    expect({ ...french, explanation: [] }).toEqual({ ...english, explanation: [] });
    expect(french.explanation).toHaveLength(english.explanation.length);
    const text = french.explanation.join("\n");
    // The region whose holidays count reads by its name ("France", "Californie"), never "en FR".
    expect(text).not.toMatch(/ en [A-Z]{2}(-[A-Z0-9]+)?\b/);
    expect(text).not.toMatch(
      /\b(Received|Due by|Extension:|Calendar days|working day|moved to|Information asked|Answer received|Acknowledge|allows no|Silence|the clock|Monday|Saturday|Sunday|period)\b/,
    );
    expect(text).toMatch(/Reçue le .*\((lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\)/);
    expect(text).toContain("Réponse due au plus tard à la fin du");
  });

  it("names the working-day move and the extension in French", () => {
    const [, input] = cases[0];
    const text = computeDeadline({ ...input, language: "fr" }).explanation.join("\n");
    expect(text).toContain(
      "Reçue le 2025-11-26 (mercredi), fuseau Europe/Paris (l’instant 2025-11-25T23:30:00Z tombe ce jour-là dans ce fuseau).",
    );
    expect(text).toContain("Informations demandées le 2025-11-28 (vendredi)\u00a0: le délai est suspendu jusqu’à la réponse");
    expect(text).toContain("les 4 jours écoulés depuis le 2025-11-28 ne comptent pas");
    expect(text).toContain("Prolongation notifiée le 2025-12-10 (mercredi) (motif\u00a0: Douze systèmes à consulter.)");
    expect(text).toContain("Le 2025-12-30 (mardi) est un jour ouvré (France)\u00a0: la date est maintenue.");
    const quebec = computeDeadline({ ...cases[3][1], language: "fr" }).explanation.join("\n");
    expect(quebec).toContain(
      "Délai fixé par la loi (Loi 25 (Québec)) pour les demandes d’accès et de rectification\u00a0; le même délai est appliqué à cette demande de portabilité",
    );
    expect(quebec).toContain("Aucune prolongation possible (Loi 25 (Québec)).");
    const weekend = computeDeadline({ ...cases[0][1], receivedAt: "2026-01-31T10:00:00Z", events: [], language: "fr" }).explanation.join(
      "\n",
    );
    expect(weekend).toContain(
      "Le 2026-02-28 est un samedi\u00a0; le 2026-03-01 est un dimanche\u00a0; reporté au jour ouvré suivant, le 2026-03-02 (lundi)",
    );
  });

  it("names the law by its French name, never by its code", () => {
    for (const [, input] of cases) {
      const text = computeDeadline({ ...input, language: "fr" }).explanation.join("\n");
      expect(text).not.toMatch(/\b(EU_GDPR|UK_GDPR|CA_QC|CA_PIPEDA|BR_LGPD|CH_FADP|US_[A-Z]{2})\b/);
    }
    const uk = computeDeadline({ ...cases[1][1], language: "fr" }).explanation.join("\n");
    expect(uk).toContain("RGPD du Royaume-Uni\u00a0: 1 mois à compter de la reprise du délai");
    const california = computeDeadline({ ...cases[2][1], language: "fr" }).explanation.join("\n");
    expect(california).toContain("c’est noté, mais la loi applicable (California Consumer Privacy Act) ne suspend pas le délai");
    const optOut = computeDeadline({ ...cases[2][1], requestType: "opt_out", events: [], language: "fr" }).explanation.join("\n");
    expect(optOut).toContain("Les demandes d’opposition à la vente ou au partage ont leur propre règle (California Consumer Privacy Act, ");
  });

  it("keeps English unless French is asked for", () => {
    const [, input] = cases[2];
    expect(computeDeadline(input).explanation[0]).toBe("Received 2026-01-30 (Friday) in America/Los_Angeles.");
  });
});
