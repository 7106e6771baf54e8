// The first rows of the register, in words: the downloads (which hold every row) keep the codes.
import { getTranslations } from "next-intl/server";
import { type RegisterRow, responseNature } from "@/lib/reports/register-columns.ts";
import type { ReportFormat } from "./report-format.ts";

export async function RegisterPreview({ rows, periodLabel, format }: { rows: RegisterRow[]; periodLabel: string; format: ReportFormat }) {
  const t = await getTranslations("staffReports");
  const labels = await getTranslations("staffLabels");
  if (rows.length === 0) return <p>{t("noRequests")}</p>;
  return (
    <div className="table-scroll">
      <table className="staff-table report-table">
        <caption>{t("register.caption", { count: rows.length, period: periodLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("register.reference")}</th>
            <th scope="col">{t("register.received")}</th>
            <th scope="col">{t("register.right")}</th>
            <th scope="col">{t("register.channel")}</th>
            <th scope="col">{t("register.jurisdiction")}</th>
            <th scope="col">{t("register.due")}</th>
            <th scope="col">{t("register.response")}</th>
            <th scope="col">{t("register.answered")}</th>
            <th scope="col">{t("register.denialBasis")}</th>
            <th scope="col" className="numeric">
              {t("register.daysToRespond")}
            </th>
            <th scope="col" className="numeric">
              {t("register.daysBeforeDue")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.reference}</th>
              <td>{format.day(row.receivedDate)}</td>
              <td>{labels(`right.${row.type}`)}</td>
              <td>{labels(`channel.${row.channel}`)}</td>
              <td>
                <abbr title={format.jurisdiction(row.jurisdiction)}>{row.jurisdiction}</abbr>
              </td>
              <td>{format.day(row.dueDate)}</td>
              <td>{t(`register.nature.${responseNature(row)}`)}</td>
              <td>{row.responseDate ? format.day(row.responseDate) : "–"}</td>
              <td>{row.denialReason ? labels(`denialReason.${row.denialReason}`) : "–"}</td>
              <td className="numeric">{format.days(row.daysToRespond)}</td>
              <td className="numeric">{format.days(row.daysBeforeDue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
