// Admins choose which verified requests are approved without review, per right and per
// jurisdiction (lib/requests/auto-approval-policy.ts). Off unless someone turns it on.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { localDayOf } from "@/lib/deadlines/calendar.ts";
import { JURISDICTIONS, REQUEST_TYPES, ruleFor } from "@/lib/deadlines/index.ts";
import { env } from "@/lib/env.ts";
import { type EffectivePolicy, readAutoApprovalPolicy } from "@/lib/requests/auto-approval-policy.ts";
import { rightNames } from "../right-names.ts";
import { SettingsForm } from "./_components/settings-form.tsx";
import { resetAutoApprovalAction, saveAutoApprovalAction } from "./actions.ts";

export const metadata: Metadata = { title: "Auto-approval" };

function summary(policy: EffectivePolicy): string {
  const rights = Object.entries(policy.rights).map(
    ([right, scope]) => `${right} (${scope === "all" ? "every jurisdiction" : scope.join(", ")})`,
  );
  const what = rights.length === 0 ? "off: every request waits for staff" : `on for ${rights.join("; ")}`;
  if (policy.source === "environment") return `Auto-approval is ${what}, from the default AUTO_APPROVE_RIGHTS; no admin has changed it.`;
  // The controller's day, not UTC's (a day off in the evening west of UTC).
  const when = policy.updatedAt ? ` on ${localDayOf(policy.updatedAt, env().CONTROLLER_TIME_ZONE)}` : "";
  return `Auto-approval is ${what}, as saved by an admin${when}.`;
}

export default async function AutoApprovalPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const policy = await readAutoApprovalPolicy();
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">Settings</Link>
      </p>
      <h1>Auto-approval</h1>
      <p className="lead">
        A request chosen here is approved as soon as the person verifies their email: its connector tasks start without anyone reviewing it.
        Leave a right on "never" where staff must check each request (identity, exemptions, manifestly excessive requests).
      </p>
      <p className="notice">{summary(policy)}</p>
      <SettingsForm action={saveAutoApprovalAction} submitLabel="Save auto-approval">
        {REQUEST_TYPES.map((right) => {
          const scope = policy.rights[right];
          const chosen = scope === undefined ? "off" : scope === "all" ? "all" : "some";
          return (
            <fieldset key={right} className="group">
              <legend className="legend">{rightNames[right]}</legend>
              {(
                [
                  ["off", "Never: staff review every request"],
                  ["all", "In every jurisdiction"],
                  ["some", "Only in the jurisdictions ticked below"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="checkbox">
                  <input type="radio" name={`mode.${right}`} value={value} defaultChecked={chosen === value} /> {label}
                </label>
              ))}
              <fieldset className="group">
                <legend className="legend legend--small">{rightNames[right]}: jurisdictions</legend>
                <div className="checkboxes jurisdiction-list">
                  {JURISDICTIONS.map((code) => (
                    <label key={code} className="checkbox">
                      <input
                        type="checkbox"
                        name={`jurisdictions.${right}`}
                        value={code}
                        defaultChecked={Array.isArray(scope) && scope.includes(code)}
                      />{" "}
                      {ruleFor(code).name} ({code})
                    </label>
                  ))}
                </div>
              </fieldset>
            </fieldset>
          );
        })}
      </SettingsForm>
      {policy.source === "setting" ? (
        <>
          <h2>Default</h2>
          <p>
            Without a saved choice, the environment variable AUTO_APPROVE_RIGHTS applies in every jurisdiction (now:{" "}
            {env().AUTO_APPROVE_RIGHTS.join(", ") || "empty, so off"}).
          </p>
          <SettingsForm action={resetAutoApprovalAction} submitLabel="Use the default" secondary />
        </>
      ) : null}
    </div>
  );
}
