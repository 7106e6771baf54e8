import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { listDrpAgents } from "@/lib/drp/list-drp-agents.ts";
import { env } from "@/lib/env.ts";
import { staffDateTime } from "@/lib/i18n/staff-dates.ts";
import { AddAgentForm, AgentButton, RotateKeyForm } from "./_components/agent-controls.tsx";
import { disableDrpAgentAction, enableDrpAgentAction } from "./actions.ts";

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const t = await getTranslations("staffAgents");
  return { title: t("title") };
}

export default async function AgentsPage() {
  await requireStaffPage("agents.manage");
  await connection();
  const t = await getTranslations("staffAgents");
  const dateTime = staffDateTime(await getLocale(), env().CONTROLLER_TIME_ZONE);
  const agents = await listDrpAgents();
  const businessId = env().DRP_BUSINESS_ID;
  return (
    <div className="staff-page">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p>{businessId ? t("businessOn", { businessId, endpoint: `${env().APP_URL}/api/drp` }) : t("businessOff")}</p>
      <table className="staff-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("column.agent")}</th>
            <th scope="col">{t("column.requests")}</th>
            <th scope="col">{t("column.state")}</th>
            <th scope="col">{t("column.manage")}</th>
          </tr>
        </thead>
        <tbody>
          {agents.length === 0 ? (
            <tr>
              <td colSpan={4}>{t("none")}</td>
            </tr>
          ) : null}
          {agents.map((agent) => (
            <tr key={agent.id}>
              <td>
                <strong>{agent.name}</strong>
                <br />
                <code>{agent.id}</code>
              </td>
              <td>{agent.requests}</td>
              <td>
                {agent.disabledAt ? t("disabledSince", { when: dateTime.format(agent.disabledAt) }) : t("trusted")}
                {agent.keyRotatedAt ? t("keyRotated", { when: dateTime.format(agent.keyRotatedAt) }) : ""}
              </td>
              <td>
                {agent.disabledAt ? (
                  <AgentButton agentId={agent.id} action={enableDrpAgentAction} label={t("trustAgain")} />
                ) : (
                  <AgentButton agentId={agent.id} action={disableDrpAgentAction} label={t("disable")} danger />
                )}
                <RotateKeyForm agentId={agent.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("addTitle")}</h2>
      <AddAgentForm />
    </div>
  );
}
