// The queues dashboard for a French member: bull-board in French, and our title, link back and
// queue descriptions from the catalogue.
import { describe, expect, it } from "vitest";
import { queueNames } from "@/lib/queue/jobs.ts";
import { boardWords } from "./board.ts";

describe("the queues dashboard's words", () => {
  it("are French for a French member", () => {
    const words = boardWords("fr");
    expect(words.uiConfig).toMatchObject({
      boardTitle: "Files d’attente",
      miscLinks: [{ text: "Espace de l’équipe", url: "/staff/requests" }],
      locale: { lng: "fr-FR" },
    });
    expect(words.description(queueNames.email)).toBe("Envoi des e-mails en attente\u00a0: une tâche par e-mail");
    expect(words.connector("Boutique")).toBe("Tâches du connecteur\u00a0: Boutique");
  });

  it("are English otherwise", () => {
    expect(boardWords("en").uiConfig.boardTitle).toBe("Queues");
  });
});
