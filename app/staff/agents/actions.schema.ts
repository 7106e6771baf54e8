// Inputs of the authorized agents page's actions (actions.ts).
import { z } from "zod";
import { drpAgentIdSchema, drpVerifyKeySchema } from "@/lib/drp/drp-agent-input.schema.ts";

export { addDrpAgentSchema } from "@/lib/drp/drp-agent-input.schema.ts";

export const drpAgentRefSchema = z.object({ agentId: drpAgentIdSchema });
export const rotateDrpAgentKeySchema = z.object({ agentId: drpAgentIdSchema, verifyKey: drpVerifyKeySchema });
