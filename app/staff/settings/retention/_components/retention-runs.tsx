// The last runs of the retention purge, newest first, from their audit events.
import type { ListedRetentionRun } from "@/lib/retention/list-retention-runs.ts";

const when = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function RetentionRuns({ runs }: { runs: ListedRetentionRun[] }) {
  if (runs.length === 0) return <p>The purge has not run yet.</p>;
  return (
    <div className="table-scroll">
      <table className="staff-table">
        <caption>{runs.length === 1 ? "The last run" : `The last ${runs.length} runs`} of the retention purge, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col" className="numeric">
              Requests purged
            </th>
            <th scope="col" className="numeric">
              Rows changed or removed
            </th>
            <th scope="col" className="numeric">
              Files deleted
            </th>
            <th scope="col" className="numeric">
              Packages shortened / deleted
            </th>
            <th scope="col">Closed before</th>
            <th scope="col">Settings used</th>
          </tr>
        </thead>
        <tbody>
          {runs.map(({ at, totals }) => (
            <tr key={at.toISOString()}>
              <th scope="row">{when(at)}</th>
              {totals ? (
                <>
                  <td className="numeric">{totals.requests.toLocaleString("en")}</td>
                  <td className="numeric">{totals.rows.toLocaleString("en")}</td>
                  <td className="numeric">{totals.files.toLocaleString("en")}</td>
                  <td className="numeric">
                    {totals.packagesShortened} / {totals.packagesDeleted}
                  </td>
                  <td>{when(new Date(totals.cutoff))}</td>
                  <td>
                    {totals.closedRequestMonths} months, packages {totals.packageDays} days
                    {totals.settingsSource === "default" ? " (defaults)" : ""}
                  </td>
                </>
              ) : (
                <td colSpan={6}>Totals not readable for this run.</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
