// Admins set how long personal data is kept, read what the nightly purge removes and keeps, and
// see what its last runs did.
import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { env } from "@/lib/env.ts";
import { listRetentionRuns } from "@/lib/retention/list-retention-runs.ts";
import {
  defaultRetentionSettings,
  type EffectiveRetentionSettings,
  readRetentionSettings,
  retentionBounds,
} from "@/lib/retention/retention-settings.ts";
import { RetentionForm } from "./_components/retention-form.tsx";
import { RetentionRuns } from "./_components/retention-runs.tsx";

export const metadata: Metadata = { title: "Retention" };

async function currentSettings(): Promise<{ settings: EffectiveRetentionSettings; problem: string | null }> {
  try {
    return { settings: await readRetentionSettings(), problem: null };
  } catch (error) {
    return {
      settings: { source: "default", ...defaultRetentionSettings() },
      problem: error instanceof Error ? error.message : String(error),
    };
  }
}

export default async function RetentionSettingsPage() {
  await requireStaffPage("settings.manage");
  await connection();
  const [{ settings, problem }, runs] = await Promise.all([currentSettings(), listRetentionRuns(10)]);
  const linkDays = env().DOWNLOAD_TTL_DAYS;
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/settings">Settings</Link>
      </p>
      <h1>Retention</h1>
      <p className="lead">
        How long the portal keeps personal data once it has served its purpose. A purge runs every night at 03:30 (
        {env().CONTROLLER_TIME_ZONE}
        ).
      </p>
      {problem ? (
        <p className="message message--error" role="alert">
          {problem}. Until it is saved again the purge does not run; the form shows the defaults.
        </p>
      ) : null}
      <p>
        {settings.source === "default"
          ? "No one has changed these settings: the defaults apply."
          : `Last changed ${settings.updatedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC.`}
      </p>
      <RetentionForm
        current={{ packageDays: settings.packageDays, closedRequestMonths: settings.closedRequestMonths }}
        fields={[
          {
            name: "packageDays",
            label: "Days to keep download packages",
            hint: `Counted from the day a package is ready. Default: ${linkDays} (DOWNLOAD_TTL_DAYS).`,
            ...retentionBounds.packageDays,
          },
          {
            name: "closedRequestMonths",
            label: "Months to keep the personal details of closed requests",
            hint: "Counted from the day a request is completed, denied, withdrawn or expired. Default: 24, the period CCPA regulations §7101 keep request records for.",
            ...retentionBounds.closedRequestMonths,
          },
        ]}
      />

      <section aria-labelledby="packages-title">
        <h2 id="packages-title">Download packages</h2>
        <p>
          A new package&apos;s link expires this many days after it is ready, and the email to the person gives that date. Each night the
          purge brings the expiry of packages already sent forward to the day ready plus this setting, so shortening it also applies to
          them, and expired packages are deleted with their keys. Until an administrator saves a value, DOWNLOAD_TTL_DAYS ({linkDays} days
          here) applies.
        </p>
      </section>

      <section aria-labelledby="purge-title">
        <h2 id="purge-title">What the purge removes and what it keeps</h2>
        <p>For each completed, denied, withdrawn or expired request closed longer ago than the setting:</p>
        <ul>
          <li>
            Removed: the email address and its hash, name, account number, details, corrections, state or province, the message written with
            a denial, messages with the person, internal notes, the addresses, subjects and texts of emails, reasons given for clock
            changes, notes and errors on connector tasks, names of attached files, packages and staging files with their keys, who
            downloaded (address hashes), status links and email challenges.
          </li>
          <li>
            Kept, de-identified: the reference, right, channel, country, jurisdiction, dates, due date, status, outcome and denial reason
            (so the register and the metrics do not change), counts on tasks and packages, and the whole audit log, to which one event per
            request records what was removed.
          </li>
        </ul>
      </section>

      <section aria-labelledby="runs-title">
        <h2 id="runs-title">Last runs</h2>
        <RetentionRuns runs={runs} />
      </section>
    </div>
  );
}
