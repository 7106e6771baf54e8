// A request service's refusal reaches a member in their language: the error names a catalogue
// message (its MessageRef) and the staff action translates it; the English message stays for logs
// and API clients.
import { describe, expect, it } from "vitest";
import { actionError } from "../auth/staff-action.ts";
import { localiseActionError } from "../i18n/localise-action-error.ts";
import { assertTransition } from "./request-status.ts";

function refusalOf(run: () => void) {
  try {
    run();
  } catch (error) {
    return actionError(error);
  }
  throw new Error("expected a refusal");
}

describe("request refusals for staff", () => {
  const refusal = refusalOf(() => assertTransition("DSR-7K3M-Q9PX", "AWAITING_SUBJECT", "COMPLETED"));

  it("keep the English message and name the statuses in words in English", () => {
    expect(refusal.error.message).toBe("Request DSR-7K3M-Q9PX is awaiting_subject and cannot become completed.");
    expect(localiseActionError(refusal, "en").error.message).toBe(
      "Request DSR-7K3M-Q9PX is awaiting the person and cannot become completed.",
    );
  });

  it("read in French for a French member, statuses in French words rather than codes", () => {
    expect(localiseActionError(refusal, "fr").error.message).toBe(
      "La demande DSR-7K3M-Q9PX ne peut pas passer de l’état « en attente de la personne » à l’état « terminée ».",
    );
  });
});
