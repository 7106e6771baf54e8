"use server";
// The authorized agents page's changes; each needs agents.manage (runStaffAction) and calls one
// service. What happened is said in the member's language.
import { revalidatePath } from "next/cache";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { addDrpAgent } from "@/lib/drp/add-drp-agent.ts";
import { rotateDrpAgentKey } from "@/lib/drp/rotate-drp-agent-key.ts";
import { setDrpAgentEnabled } from "@/lib/drp/set-drp-agent-enabled.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { addDrpAgentSchema, drpAgentRefSchema, rotateDrpAgentKeySchema } from "./actions.schema.ts";

function done<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/staff/agents");
  return result;
}

const words = async () => translator(await staffLocale());

export async function addDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", addDrpAgentSchema, formData, async (data, me) => {
      const agent = await addDrpAgent(data, actorOf(me));
      return { message: (await words())("staffAgents.outcome.added", { name: agent.name, agentId: agent.id }) };
    }),
  );
}

export async function disableDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", drpAgentRefSchema, formData, async ({ agentId }, me) => {
      const agent = await setDrpAgentEnabled({ id: agentId, enabled: false }, actorOf(me));
      const t = await words();
      return {
        message: agent.changed
          ? t("staffAgents.outcome.disabled", { agentId: agent.id })
          : t("staffAgents.outcome.alreadyDisabled", { agentId: agent.id }),
      };
    }),
  );
}

export async function enableDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", drpAgentRefSchema, formData, async ({ agentId }, me) => {
      const agent = await setDrpAgentEnabled({ id: agentId, enabled: true }, actorOf(me));
      const t = await words();
      return {
        message: agent.changed
          ? t("staffAgents.outcome.enabled", { agentId: agent.id })
          : t("staffAgents.outcome.alreadyEnabled", { agentId: agent.id }),
      };
    }),
  );
}

export async function rotateDrpAgentKeyAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", rotateDrpAgentKeySchema, formData, async ({ agentId, verifyKey }, me) => {
      const rotated = await rotateDrpAgentKey({ id: agentId, verifyKey }, actorOf(me));
      return { message: (await words())("staffAgents.outcome.keyRotated", { agentId: rotated.id, tokens: rotated.tokensRevoked }) };
    }),
  );
}
