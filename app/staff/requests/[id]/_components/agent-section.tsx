// Someone filed for the person on the form (an authorized agent): who, the permission they sent,
// and where its check stands. The person still confirms directly with us (CCPA regs §7063(a)).
import { useLocale, useTranslations } from "next-intl";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { checkAgentPermissionAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

type AgentT = ReturnType<typeof useTranslations<"staffRequest.agent">>;

const typeKeys: Record<string, "pdf" | "png" | "jpeg"> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpeg" };

const checkButtons = [
  { outcome: "VALID", label: "markValid" },
  { outcome: "NOT_VALID", label: "markNotValid" },
] as const;

function sizeOf(bytes: number, t: AgentT): string {
  return bytes < 1024 * 1024
    ? t("kb", { size: Math.max(1, Math.round(bytes / 1024)) })
    : t("mb", { size: Math.round((bytes / (1024 * 1024)) * 10) / 10 });
}

export function AgentSection({ details, timeZone, canDecide }: { details: RequestDetails; timeZone: string; canDecide: boolean }) {
  const { agent, request } = details;
  const t = useTranslations("staffRequest.agent");
  const locale = useLocale();
  if (!agent) return null;
  const by = agent.checkedBy ?? t("someone");
  const at = agent.checkedAt ? formatInstant(agent.checkedAt, locale, timeZone) : "";
  const status =
    agent.check === "VALID" ? t("checkedBy", { by, at }) : agent.check === "NOT_VALID" ? t("notValid", { by, at }) : t("notChecked");
  const open = request.status === "SUBMITTED" || request.status === "VERIFIED" || request.status === "AWAITING_SUBJECT";
  return (
    <section aria-labelledby="agent-heading" className="request-section">
      <h2 id="agent-heading">{t("heading")}</h2>
      <p className="hint">{t("hint")}</p>
      <dl className="facts">
        <dt>{t("agent")}</dt>
        <dd>{agent.name ?? "—"}</dd>
        <dt>{t("email")}</dt>
        <dd>{agent.email ?? "—"}</dd>
        <dt>{t("organisation")}</dt>
        <dd>{agent.organisation ?? "—"}</dd>
        <dt>{t("permission")}</dt>
        <dd>
          {agent.permission ? (
            <a href={`/staff/requests/${request.id}/agent-permission`} download>
              {t("download", {
                type: typeKeys[agent.permission.type] ? t(typeKeys[agent.permission.type]) : agent.permission.type,
                size: sizeOf(agent.permission.bytes, t),
              })}
            </a>
          ) : (
            t("deleted")
          )}
        </dd>
        <dt>{t("check")}</dt>
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
                submitLabel={t(label)}
                secondary
              />
            ))}
        </div>
      ) : null}
    </section>
  );
}
