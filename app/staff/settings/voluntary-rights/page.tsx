// Admins choose which rights the company honours for everyone, beyond what the law of each
// person's place of residence grants (lib/requests/offered-rights.ts). The request form and the
// server offer exactly: the law's rights + these.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { JURISDICTIONS, REQUEST_TYPES, type RequestType, ruleFor } from "@/lib/deadlines/index.ts";
import { rightsGranted } from "@/lib/deadlines/rules.ts";
import { readVoluntaryRights } from "@/lib/requests/rights-offered.ts";
import { SettingsForm } from "../auto-approval/_components/settings-form.tsx";
import { rightNames } from "../right-names.ts";
import { saveVoluntaryRightsAction } from "./actions.ts";

export const metadata: Metadata = { title: "Rights offered to everyone" };

/** The laws that grant a right by themselves, to say where ticking it changes nothing. */
function grantedBy(right: RequestType): string {
  const laws = JURISDICTIONS.filter((code) => rightsGranted(code).includes(right));
  if (laws.length === JURISDICTIONS.length) return "Every law the portal knows grants it.";
  if (laws.length === 0) return "No law the portal knows grants it.";
  if (laws.length <= 3) return `Granted by law only in: ${laws.map((code) => ruleFor(code).name).join("; ")}.`;
  return `Granted by law in ${laws.length} of ${JURISDICTIONS.length} jurisdictions, e.g. ${laws
    .slice(0, 3)
    .map((code) => ruleFor(code).name)
    .join(", ")}.`;
}

export default async function VoluntaryRightsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const voluntary = await readVoluntaryRights();
  const chosen = REQUEST_TYPES.filter((right) => voluntary.rights[right] === "everywhere");
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">Settings</Link>
      </p>
      <h1>Rights offered to everyone</h1>
      <p className="lead">
        The request form offers each person the rights the law of their place of residence grants. A right ticked here is offered to
        everyone as well, wherever they live: for example the opt-out of sale or sharing, so that a browser's Global Privacy Control signal
        is honoured for every visitor. Requests filed this way follow the deadlines of the person's own law, or the portal's fallback.
      </p>
      <p className="notice">
        {chosen.length === 0
          ? "None: people are offered only the rights their law grants."
          : `Offered to everyone: ${chosen.map((right) => rightNames[right]).join(", ")}.`}
      </p>
      <SettingsForm action={saveVoluntaryRightsAction} submitLabel="Save the rights offered to everyone">
        <fieldset className="group">
          <legend className="legend">Offer to everyone, wherever they live</legend>
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
                <label htmlFor={`everywhere-${right}`}>{rightNames[right]}</label>
                <p className="hint" id={`everywhere-${right}-hint`}>
                  {grantedBy(right)}
                </p>
              </div>
            ))}
          </div>
        </fieldset>
      </SettingsForm>
    </div>
  );
}
