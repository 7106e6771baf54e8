import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions.ts";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { listConnectors } from "@/lib/connectors/list-connectors.ts";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { actionLabel } from "./_components/action-label.ts";
import { EnableConnectorButton, TestConnectorButton } from "./_components/connector-controls.tsx";
import { WorkerNote } from "./_components/worker-note.tsx";
import "./connectors.css";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffConnectors");
  return { title: t("list.title") };
}

const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function ConnectorsPage() {
  const me = await requireStaffPage("connectors.read");
  await connection();
  const manage = can(me.role, "connectors.manage");
  const connectors = await listConnectors();
  // The controller's zone, as on every other staff page (ARCHITECTURE.md: dates a person reads).
  const timeZone = env().CONTROLLER_TIME_ZONE;
  const dateTime = staffDateTime(await getLocale(), timeZone);
  const t = await getTranslations("staffConnectors");
  const labels = await getTranslations("staffLabels");
  return (
    <div className="staff-page">
      <h1>{t("list.title")}</h1>
      <p>{t.rich("list.lead", { code })}</p>
      {manage ? (
        <p>
          <Link href="/staff/connectors/new" className="button">
            {t("list.add")}
          </Link>{" "}
          <Link href="/staff/connectors/discover" className="button button--secondary">
            {t("list.discover")}
          </Link>
        </p>
      ) : null}
      {connectors.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <>
          <p className="hint">{t("list.timesIn", { timeZone })}</p>
          <table className="staff-table">
            <caption className="visually-hidden">{t("list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("list.column.key")}</th>
                <th scope="col">{t("list.column.name")}</th>
                <th scope="col">{t("list.column.type")}</th>
                <th scope="col">{t("list.column.actions")}</th>
                <th scope="col">{t("list.column.enabled")}</th>
                <th scope="col">{t("list.column.concurrency")}</th>
                <th scope="col">{t("list.column.attempts")}</th>
                <th scope="col">{t("list.column.lastWeek")}</th>
                {manage ? <th scope="col">{t("list.column.manage")}</th> : null}
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
                    {connector.described ? null : <span className="connector-note">{t("list.notDescribed")}</span>}
                  </td>
                  <td>{connector.type}</td>
                  <td>{connector.actions.map((action) => actionLabel(labels, action)).join(", ")}</td>
                  <td>{connector.enabled ? t("list.yes") : t("list.no")}</td>
                  <td>
                    {connector.concurrency}
                    {connector.rateLimitPerSecond ? t("list.rateLimit", { rate: connector.rateLimitPerSecond }) : ""}
                  </td>
                  <td>{connector.maxAttempts}</td>
                  <td>
                    {connector.lastWeek.failed > 0 ? (
                      <strong className="connector-result--failed">{t("list.failed", { count: connector.lastWeek.failed })}</strong>
                    ) : (
                      t("list.failed", { count: 0 })
                    )}
                    {t("list.succeeded", { count: connector.lastWeek.succeeded })}
                    {connector.openTasks ? t("list.open", { count: connector.openTasks }) : ""}
                    {connector.lastWeek.lastFinishedAt ? (
                      <>
                        <br />
                        <span className="hint">{t("list.lastFinished", { when: dateTime.format(connector.lastWeek.lastFinishedAt) })}</span>
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
