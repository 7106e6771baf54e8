// A stored retention setting no admin could have saved (edited by hand in the database) stops the
// purge; the admin reads what is wrong with it in their language.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { InvalidRetentionSetting, parseStoredRetentionSetting } from "@/lib/retention/retention-settings.ts";
import { renderStaff } from "@/tests/support/render-staff.ts";
import { StoredSettingProblem } from "./stored-setting-problem.tsx";

function problemOf(value: unknown): InvalidRetentionSetting {
  try {
    parseStoredRetentionSetting(value);
  } catch (error) {
    if (error instanceof InvalidRetentionSetting) return error;
    throw error;
  }
  throw new Error("the setting was accepted");
}

describe("the retention page's notice of a stored setting that is not valid", () => {
  const problem = problemOf({ packageDays: 500, closedRequestMonths: "often" });

  it("keeps an English message for the log and the purge's failure", () => {
    expect(problem.message).toMatch(/^The stored retention setting is not valid \(packageDays: .*at most 90.*\)/);
  });

  it("says in French what is wrong with each value to a French admin", () => {
    const html = renderStaff(createElement(StoredSettingProblem, { issues: problem.issues }), "fr");
    expect(html).toContain("Le réglage de conservation enregistré n’est pas valable");
    expect(html).toContain("Jours de conservation des dossiers à télécharger\u00a0: doit valoir au plus 90");
    expect(html).toContain("la purge ne s’exécute pas");
    for (const english of ["stored", "must", "Days to keep", "save it again"]) expect(html).not.toContain(english);
  });

  it("says it in English to an English admin", () => {
    const html = renderStaff(createElement(StoredSettingProblem, { issues: problem.issues }), "en");
    expect(html).toContain("The stored retention setting is not valid");
    expect(html).toContain("Days to keep download packages must be at most 90");
  });
});
