// Admins choose which rights the company honours for everyone, beyond what the law of each
// person's place of residence grants (lib/requests/offered-rights.ts). The request form and the
// server offer exactly: the law's rights + these.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { JURISDICTIONS, REQUEST_TYPES, type RequestType, ruleFor } from "@/lib/deadlines/index.ts";
import { rightsGranted } from "@/lib/deadlines/rules.ts";
import { readVoluntaryRights } from "@/lib/requests/rights-offered.ts";
import { SettingsForm } from "../auto-approval/_components/settings-form.tsx";
import { saveVoluntaryRightsAction } from "./actions.ts";

type SettingsTranslator = Awaited<ReturnType<typeof getTranslations<"staffSettings">>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffSettings");
  return { title: t("voluntary.title") };
}

/** The laws that grant a right by themselves, to say where ticking it changes nothing (laws by their act's name). */
function grantedBy(right: RequestType, t: SettingsTranslator): string {
  const laws = JURISDICTIONS.filter((code) => rightsGranted(code).includes(right));
  if (laws.length === JURISDICTIONS.length) return t("voluntary.everyLaw");
  if (laws.length === 0) return t("voluntary.noLaw");
  if (laws.length <= 3) return t("voluntary.onlyIn", { laws: laws.map((code) => ruleFor(code).name).join("; ") });
  return t("voluntary.grantedIn", {
    count: laws.length,
    total: JURISDICTIONS.length,
    laws: laws
      .slice(0, 3)
      .map((code) => ruleFor(code).name)
      .join(", "),
  });
}

export default async function VoluntaryRightsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const voluntary = await readVoluntaryRights();
  const chosen = REQUEST_TYPES.filter((right) => voluntary.rights[right] === "everywhere");
  const t = await getTranslations("staffSettings");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">{t("back")}</Link>
      </p>
      <h1>{t("voluntary.title")}</h1>
      <p className="lead">{t("voluntary.lead")}</p>
      <p className="notice">
        {chosen.length === 0
          ? t("voluntary.none")
          : t("voluntary.offered", { rights: chosen.map((right) => t(`right.${right}`)).join(", ") })}
      </p>
      <SettingsForm action={saveVoluntaryRightsAction} submitLabel={t("voluntary.submit")}>
        <fieldset className="group">
          <legend className="legend">{t("voluntary.legend")}</legend>
          <div className="checkboxes">
            {REQUEST_TYPES.map((right) => (
              <div key={right} className="checkbox">
                <input
                  id={`everywhere-${right}`}
                  type="checkbox"
                  name="everywhere"
                  value={right}
                  defaultChecked={chosen.includes(right)}
                  aria-describedby={`everywhere-${right}-hint`}
                />
                <label htmlFor={`everywhere-${right}`}>{t(`right.${right}`)}</label>
                <p className="hint" id={`everywhere-${right}-hint`}>
                  {grantedBy(right, t)}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
      </SettingsForm>
    </div>
  );
}
