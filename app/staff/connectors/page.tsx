import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { can } from "@/lib/auth/permissions.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { listConnectors } from "@/lib/connectors/list-connectors.ts";
import { env } from "@/lib/env.ts";
import { EnableConnectorButton, TestConnectorButton } from "./_components/connector-controls.tsx";
import { WorkerNote } from "./_components/worker-note.tsx";
import "./connectors.css";

export const metadata: Metadata = { title: "Connectors" };

export default async function ConnectorsPage() {
  const me = await requireStaffPage("connectors.read");
  await connection();
  const manage = can(me.role, "connectors.manage");
  const connectors = await listConnectors();
  // The controller's zone, as on every other staff page (ARCHITECTURE.md: dates a person reads).
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <div className="staff-page">
      <h1>Connectors</h1>
      <p>
        The systems that hold people's data. When a request is approved, each enabled connector that carries out its right gets a task. The
        same connectors can be applied from a file with <code>npm run admin -- apply-connectors FILE</code>.
      </p>
      {manage ? (
        <p>
          <Link href="/staff/connectors/new" className="button">
            Add a connector
          </Link>{" "}
          <Link href="/staff/connectors/discover" className="button button--secondary">
            Propose a mapping from a database
          </Link>
        </p>
      ) : null}
      {connectors.length === 0 ? (
        <p>No connectors yet.</p>
      ) : (
        <>
          <p className="hint">Times in {timeZone}.</p>
          <table className="staff-table">
            <caption className="visually-hidden">Connectors, with what their tasks did in the last seven days</caption>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Actions</th>
                <th scope="col">Enabled</th>
                <th scope="col">Concurrency</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last 7 days</th>
                {manage ? <th scope="col">Manage</th> : null}
              </tr>
            </thead>
            <tbody>
              {connectors.map((connector) => (
                <tr key={connector.key}>
                  <td>
                    {manage ? (
                      <Link href={`/staff/connectors/${encodeURIComponent(connector.key)}`}>
                        <code>{connector.key}</code>
                      </Link>
                    ) : (
                      <code>{connector.key}</code>
                    )}
                  </td>
                  <td>
                    {connector.name}
                    {connector.described ? null : <span className="connector-note">Data map: not described</span>}
                  </td>
                  <td>{connector.type}</td>
                  <td>{connector.actions.join(", ")}</td>
                  <td>{connector.enabled ? "Yes" : "No"}</td>
                  <td>
                    {connector.concurrency}
                    {connector.rateLimitPerSecond ? `, at most ${connector.rateLimitPerSecond}/s` : ""}
                  </td>
                  <td>{connector.maxAttempts}</td>
                  <td>
                    {connector.lastWeek.failed > 0 ? (
                      <strong className="connector-result--failed">{connector.lastWeek.failed} failed</strong>
                    ) : (
                      "0 failed"
                    )}
                    , {connector.lastWeek.succeeded} succeeded
                    {connector.openTasks ? `, ${connector.openTasks} open` : ""}
                    {connector.lastWeek.lastFinishedAt ? (
                      <>
                        <br />
                        <span className="hint">last finished {dateTime.format(connector.lastWeek.lastFinishedAt)}</span>
                      </>
                    ) : null}
                  </td>
                  {manage ? (
                    <td>
                      <TestConnectorButton connectorKey={connector.key} />
                      <EnableConnectorButton connectorKey={connector.key} enabled={connector.enabled} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <WorkerNote />
    </div>
  );
}
