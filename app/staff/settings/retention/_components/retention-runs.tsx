// The last runs of the retention purge, newest first, from their audit events; times on the
// controller's clock, in the member's language.
import { getLocale, getTranslations } from "next-intl/server";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import type { ListedRetentionRun } from "@/lib/retention/list-retention-runs.ts";

export async function RetentionRuns({ runs }: { runs: ListedRetentionRun[] }) {
  const t = await getTranslations("staffSettings.retention");
  if (runs.length === 0) return <p>{t("noRuns")}</p>;
  const dateTime = staffDateTime(await getLocale(), env().CONTROLLER_TIME_ZONE);
  const number = new Intl.NumberFormat(await getLocale());
  return (
    <div className="table-scroll">
      <table className="staff-table">
        <caption>{t("runsCaption", { count: runs.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("run")}</th>
            <th scope="col" className="numeric">
              {t("requests")}
            </th>
            <th scope="col" className="numeric">
              {t("rows")}
            </th>
            <th scope="col" className="numeric">
              {t("files")}
            </th>
            <th scope="col" className="numeric">
              {t("packages")}
            </th>
            <th scope="col">{t("closedBefore")}</th>
            <th scope="col">{t("settingsUsed")}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ at, totals }) => (
            <tr key={at.toISOString()}>
              <th scope="row">{dateTime.format(at)}</th>
              {totals ? (
                <>
                  <td className="numeric">{number.format(totals.requests)}</td>
                  <td className="numeric">{number.format(totals.rows)}</td>
                  <td className="numeric">{number.format(totals.files)}</td>
                  <td className="numeric">
                    {totals.packagesShortened} / {totals.packagesDeleted}
                  </td>
                  <td>{dateTime.format(new Date(totals.cutoff))}</td>
                  <td>
                    {t("settingsUsedValue", { months: totals.closedRequestMonths, days: totals.packageDays })}
                    {totals.settingsSource === "default" ? t("defaultsUsed") : ""}
                  </td>
                </>
              ) : (
                <td colSpan={6}>{t("unreadable")}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
