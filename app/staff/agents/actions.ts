"use server";
// The authorized agents page's changes; each needs agents.manage (runStaffAction) and calls one service.
import { revalidatePath } from "next/cache";
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { addDrpAgent } from "@/lib/drp/add-drp-agent.ts";
import { rotateDrpAgentKey } from "@/lib/drp/rotate-drp-agent-key.ts";
import { setDrpAgentEnabled } from "@/lib/drp/set-drp-agent-enabled.ts";
import { addDrpAgentSchema, drpAgentRefSchema, rotateDrpAgentKeySchema } from "./actions.schema.ts";

function done<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/staff/agents");
  return result;
}

export async function addDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", addDrpAgentSchema, formData, async (data, me) => {
      const agent = await addDrpAgent(data, actorOf(me));
      return { message: `${agent.name} (${agent.id}) is now trusted: it can set up its token and file requests.` };
    }),
  );
}

export async function disableDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", drpAgentRefSchema, formData, async ({ agentId }, me) => {
      const agent = await setDrpAgentEnabled({ id: agentId, enabled: false }, actorOf(me));
      return { message: agent.changed ? `${agent.id} is disabled; its tokens no longer work.` : `${agent.id} was already disabled.` };
    }),
  );
}

export async function enableDrpAgentAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", drpAgentRefSchema, formData, async ({ agentId }, me) => {
      const agent = await setDrpAgentEnabled({ id: agentId, enabled: true }, actorOf(me));
      return { message: agent.changed ? `${agent.id} is trusted again; it sets up a new token.` : `${agent.id} was already trusted.` };
    }),
  );
}

export async function rotateDrpAgentKeyAction(_previous: unknown, formData: FormData) {
  return done(
    await runStaffAction("agents.manage", rotateDrpAgentKeySchema, formData, async ({ agentId, verifyKey }, me) => {
      const rotated = await rotateDrpAgentKey({ id: agentId, verifyKey }, actorOf(me));
      return { message: `New key saved for ${rotated.id}; ${rotated.tokensRevoked} token(s) revoked.` };
    }),
  );
}
