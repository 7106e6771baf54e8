import type { Metadata } from "next";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { listDrpAgents } from "@/lib/drp/list-drp-agents.ts";
import { env } from "@/lib/env.ts";
import { AddAgentForm, AgentButton, RotateKeyForm } from "./_components/agent-controls.tsx";
import { disableDrpAgentAction, enableDrpAgentAction } from "./actions.ts";

export const metadata: Metadata = { title: "Authorized agents" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AgentsPage() {
  await requireStaffPage("agents.manage");
  await connection();
  const agents = await listDrpAgents();
  const businessId = env().DRP_BUSINESS_ID;
  return (
    <div className="staff-page">
      <h1>Authorized agents</h1>
      <p>
        Authorized agents file requests for people over the Data Rights Protocol. Only the agents listed here, with the verify key of their
        entry in the DRP agent directory, can set up a token and file requests. The person still confirms each request by email.
      </p>
      <p>
        {businessId
          ? `This portal answers as business ${businessId} at ${env().APP_URL}/api/drp.`
          : "The Data Rights Protocol is off: set DRP_BUSINESS_ID to this business's id in the DRP directory."}
      </p>
      <table className="staff-table">
        <caption className="visually-hidden">Trusted authorized agents</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Requests filed</th>
            <th scope="col">State</th>
            <th scope="col">Manage</th>
          </tr>
        </thead>
        <tbody>
          {agents.length === 0 ? (
            <tr>
              <td colSpan={4}>No agent is trusted yet.</td>
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
                {agent.disabledAt ? `Disabled since ${dateTime.format(agent.disabledAt)} UTC` : "Trusted"}
                {agent.keyRotatedAt ? ` · key rotated ${dateTime.format(agent.keyRotatedAt)} UTC` : ""}
              </td>
              <td>
                {agent.disabledAt ? (
                  <AgentButton agentId={agent.id} action={enableDrpAgentAction} label="Trust again" />
                ) : (
                  <AgentButton agentId={agent.id} action={disableDrpAgentAction} label="Disable" danger />
                )}
                <RotateKeyForm agentId={agent.id} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Trust an agent</h2>
      <AddAgentForm />
    </div>
  );
}
