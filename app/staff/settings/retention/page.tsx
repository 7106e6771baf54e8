// Admins set how long personal data is kept, read what the nightly purge removes and keeps, and
// see what its last runs did.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { listRetentionRuns } from "@/lib/retention/list-retention-runs.ts";
import {
  defaultRetentionSettings,
  type EffectiveRetentionSettings,
  InvalidRetentionSetting,
  readRetentionSettings,
  retentionBounds,
} from "@/lib/retention/retention-settings.ts";
import { RetentionForm } from "./_components/retention-form.tsx";
import { RetentionRuns } from "./_components/retention-runs.tsx";
import { StoredSettingProblem } from "./_components/stored-setting-problem.tsx";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffSettings");
  return { title: t("retention.title") };
}

async function currentSettings(): Promise<{ settings: EffectiveRetentionSettings; problem: InvalidRetentionSetting | null }> {
  try {
    return { settings: await readRetentionSettings(), problem: null };
  } catch (error) {
    if (!(error instanceof InvalidRetentionSetting)) throw error;
    return { settings: { source: "default", ...defaultRetentionSettings() }, problem: error };
  }
}

export default async function RetentionSettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const [{ settings, problem }, runs] = await Promise.all([currentSettings(), listRetentionRuns(10)]);
  const linkDays = env().DOWNLOAD_TTL_DAYS;
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const t = await getTranslations("staffSettings");
  const dateTime = staffDateTime(await getLocale(), timeZone);
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">{t("back")}</Link>
      </p>
      <h1>{t("retention.title")}</h1>
      <p className="lead">{t("retention.lead", { timeZone })}</p>
      {problem ? <StoredSettingProblem issues={problem.issues} /> : null}
      <p>
        {settings.source === "default" || !settings.updatedAt
          ? t("retention.defaults")
          : t("retention.lastChanged", { when: `${dateTime.format(settings.updatedAt)} (${timeZone})` })}
      </p>
      <RetentionForm
        current={{ packageDays: settings.packageDays, closedRequestMonths: settings.closedRequestMonths }}
        fields={[
          {
            name: "packageDays",
            label: t("retention.packageDays"),
            hint: t("retention.packageDaysHint", { days: linkDays }),
            ...retentionBounds.packageDays,
          },
          {
            name: "closedRequestMonths",
            label: t("retention.closedRequestMonths"),
            hint: t("retention.closedRequestMonthsHint"),
            ...retentionBounds.closedRequestMonths,
          },
        ]}
      />

      <section aria-labelledby="packages-title">
        <h2 id="packages-title">{t("retention.packagesTitle")}</h2>
        <p>{t("retention.packagesText", { days: linkDays })}</p>
      </section>

      <section aria-labelledby="purge-title">
        <h2 id="purge-title">{t("retention.purgeTitle")}</h2>
        <p>{t("retention.purgeLead")}</p>
        <ul>
          <li>{t("retention.removed")}</li>
          <li>{t("retention.kept")}</li>
        </ul>
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">{t("retention.runsTitle")}</h2>
        <RetentionRuns runs={runs} />
      </section>
    </div>
  );
}
