// The first rows of the register, as they appear in the downloads (which hold every row).
import { type RegisterRow, registerRecord } from "@/lib/reports/register-columns.ts";
import { formatDays } from "./report-format.ts";

export function RegisterPreview({ rows, periodLabel }: { rows: RegisterRow[]; periodLabel: string }) {
  if (rows.length === 0) return <p>No request was received in this period.</p>;
  return (
    <div className="table-scroll">
      <table className="staff-table report-table">
        <caption>
          First {rows.length} requests received, {periodLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Received</th>
            <th scope="col">Right</th>
            <th scope="col">Channel</th>
            <th scope="col">Jurisdiction</th>
            <th scope="col">Due</th>
            <th scope="col">Response</th>
            <th scope="col">Answered</th>
            <th scope="col">Denial basis</th>
            <th scope="col" className="numeric">
              Days to respond
            </th>
            <th scope="col" className="numeric">
              Days before due
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const record = registerRecord(row);
            return (
              <tr key={row.id}>
                <th scope="row">{record.reference}</th>
                <td>{record.receivedDate}</td>
                <td>{record.right}</td>
                <td>{record.channel}</td>
                <td>{record.jurisdiction}</td>
                <td>{record.dueDate}</td>
                <td>{record.response}</td>
                <td>{record.responseDate ?? "–"}</td>
                <td>{record.denialBasis ?? "–"}</td>
                <td className="numeric">{formatDays(row.daysToRespond)}</td>
                <td className="numeric">{formatDays(row.daysBeforeDue)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
