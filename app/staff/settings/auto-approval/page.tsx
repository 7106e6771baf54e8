// Admins choose which verified requests are approved without review, per right and per
// jurisdiction (lib/requests/auto-approval-policy.ts). Off unless someone turns it on.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { JURISDICTIONS, REQUEST_TYPES, type RequestType, ruleFor } from "@/lib/deadlines/index.ts";
import { env } from "@/lib/env.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { staffDate } from "@/lib/i18n/staff-dates.ts";
import { type EffectivePolicy, readAutoApprovalPolicy } from "@/lib/requests/auto-approval-policy.ts";
import { SettingsForm } from "./_components/settings-form.tsx";
import { resetAutoApprovalAction, saveAutoApprovalAction } from "./actions.ts";

type SettingsTranslator = Awaited<ReturnType<typeof getTranslations<"staffSettings">>>;

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffSettings");
  return { title: t("autoApproval.title") };
}

function summary(policy: EffectivePolicy, t: SettingsTranslator, locale: Locale): string {
  const rights = Object.entries(policy.rights).map(([right, scope]) =>
    t("autoApproval.scope", {
      right: t(`right.${right as RequestType}`),
      scope: scope === "all" ? t("autoApproval.everyJurisdiction") : scope.join(", "),
    }),
  );
  const what = rights.length === 0 ? t("autoApproval.off") : t("autoApproval.on", { rights: rights.join("; ") });
  if (policy.source === "environment") return t("autoApproval.fromEnvironment", { what });
  // The controller's day, not UTC's (a day off in the evening west of UTC).
  if (!policy.updatedAt) return t("autoApproval.savedByAdmin", { what });
  return t("autoApproval.savedByAdminOn", { what, date: staffDate(locale, env().CONTROLLER_TIME_ZONE).format(policy.updatedAt) });
}

export default async function AutoApprovalPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const policy = await readAutoApprovalPolicy();
  const t = await getTranslations("staffSettings");
  const locale = await getLocale();
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">{t("back")}</Link>
      </p>
      <h1>{t("autoApproval.title")}</h1>
      <p className="lead">{t("autoApproval.lead")}</p>
      <p className="notice">{summary(policy, t, locale)}</p>
      <SettingsForm action={saveAutoApprovalAction} submitLabel={t("autoApproval.submit")}>
        {REQUEST_TYPES.map((right) => {
          const scope = policy.rights[right];
          const chosen = scope === undefined ? "off" : scope === "all" ? "all" : "some";
          return (
            <fieldset key={right} className="group">
              <legend className="legend">{t(`right.${right}`)}</legend>
              {(
                [
                  ["off", t("autoApproval.modeOff")],
                  ["all", t("autoApproval.modeAll")],
                  ["some", t("autoApproval.modeSome")],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="checkbox">
                  <input type="radio" name={`mode.${right}`} value={value} defaultChecked={chosen === value} /> {label}
                </label>
              ))}
              <fieldset className="group">
                <legend className="legend legend--small">{t("autoApproval.jurisdictions", { right: t(`right.${right}`) })}</legend>
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
          <h2>{t("autoApproval.defaultTitle")}</h2>
          <p>{t("autoApproval.defaultText", { rights: env().AUTO_APPROVE_RIGHTS.join(", ") || t("autoApproval.defaultEmpty") })}</p>
          <SettingsForm action={resetAutoApprovalAction} submitLabel={t("autoApproval.useDefault")} secondary />
        </>
      ) : null}
    </div>
  );
}
