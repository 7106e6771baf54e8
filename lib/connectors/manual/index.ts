// The `manual` connector: a system with no API (a paper archive, a vendor reached by email).
// Each action becomes a task with instructions that a staff member completes in the staff
// workspace, with a note (and, for access, an uploaded file).
import { z } from "zod";
import type { ConnectorType } from "../connector.ts";

export const manualConfigSchema = z
  .object({
    instructions: z.string().trim().min(10, "Write the instructions staff follow (at least 10 characters)").max(5000),
    /** Who usually does it; shown on the task. */
    owner: z.string().trim().max(200).optional(),
  })
  .strict();

export type ManualConfig = z.infer<typeof manualConfigSchema>;

export const manualConnector: ConnectorType<ManualConfig> = {
  type: "manual",
  configSchema: manualConfigSchema,
  secretPaths: [],
  async test(config) {
    return {
      ok: true,
      message: `Manual task: staff follow "${config.instructions.slice(0, 60)}${config.instructions.length > 60 ? "…" : ""}"`,
    };
  },
  async access() {
    return { deferred: "staff" };
  },
  async erase() {
    return { deferred: "staff" };
  },
  async rectify() {
    return { deferred: "staff" };
  },
  async applyPreference() {
    return { deferred: "staff" };
  },
};
