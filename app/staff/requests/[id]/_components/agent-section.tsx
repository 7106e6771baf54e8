// Someone filed for the person on the form (an authorized agent): who, the permission they sent,
// and where its check stands. The person still confirms directly with us (CCPA regs §7063(a)).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { checkAgentPermissionAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

const typeNames: Record<string, string> = { "application/pdf": "PDF", "image/png": "PNG image", "image/jpeg": "JPEG image" };

const checkButtons = [
  { outcome: "VALID", label: "Mark the permission as checked" },
  { outcome: "NOT_VALID", label: "Mark the permission as not valid" },
] as const;

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function AgentSection({ details, timeZone, canDecide }: { details: RequestDetails; timeZone: string; canDecide: boolean }) {
  const { agent, request } = details;
  if (!agent) return null;
  const checked = agent.checkedAt ? `${agent.checkedBy ?? "someone"} on ${formatInstant(agent.checkedAt, timeZone)}` : "";
  const status = agent.check === "VALID" ? `Checked by ${checked}` : agent.check === "NOT_VALID" ? `Not valid (${checked})` : "Not checked";
  const open = request.status === "SUBMITTED" || request.status === "VERIFIED" || request.status === "AWAITING_SUBJECT";
  return (
    <section aria-labelledby="agent-heading" className="request-section">
      <h2 id="agent-heading">Filed by an authorized agent</h2>
      <p className="hint">
        The person is asked to confirm the request at their own address; the agent gets no link. Check the permission before approving; if
        it does not show the person authorised the agent, deny with "agent authority not shown".
      </p>
      <dl className="facts">
        <dt>Agent</dt>
        <dd>{agent.name ?? "—"}</dd>
        <dt>Agent's email</dt>
        <dd>{agent.email ?? "—"}</dd>
        <dt>Organisation</dt>
        <dd>{agent.organisation ?? "—"}</dd>
        <dt>Signed permission</dt>
        <dd>
          {agent.permission ? (
            <a href={`/staff/requests/${request.id}/agent-permission`} download>
              Download the permission ({typeNames[agent.permission.type] ?? agent.permission.type}, {sizeOf(agent.permission.bytes)})
            </a>
          ) : (
            "Deleted with the request's personal data."
          )}
        </dd>
        <dt>Check</dt>
        <dd id="agent-permission-check">{status}</dd>
      </dl>
      {canDecide && open && agent.permission ? (
        <div className="agent-check-actions">
          {checkButtons
            .filter(({ outcome }) => outcome !== agent.check)
            .map(({ outcome, label }) => (
              <ActionForm
                key={outcome}
                action={checkAgentPermissionAction}
                reference={request.reference}
                hidden={{ outcome }}
                submitLabel={label}
                secondary
              />
            ))}
        </div>
      ) : null}
    </section>
  );
}
