"use server";
// "Propose a mapping": reads a database's catalog and a sample, and answers with a connectors-file
// draft to review. Needs connectors.manage (runStaffAction). Read-only, time- and row-limited.
import { runStaffAction } from "@/lib/auth/staff-action.ts";
import { discoverMapping } from "@/lib/discovery/discover-mapping.ts";
import { staffLocale } from "@/lib/i18n/staff-locale.ts";
import { proposeMappingSchema } from "./actions.schema.ts";

/** The staff page waits this long at most; the command line allows a minute. */
const PAGE_TIME_LIMIT_MS = 30_000;

export async function proposeMappingAction(_previous: unknown, formData: FormData) {
  return runStaffAction("connectors.manage", proposeMappingSchema, formData, async (input) => {
    const discovery = await discoverMapping({ ...input, timeLimitMs: PAGE_TIME_LIMIT_MS, locale: await staffLocale() });
    return {
      yaml: discovery.yaml,
      reviewNotes: discovery.reviewNotes,
      tables: discovery.proposal.tables.length,
      identity: `${discovery.proposal.identity.table}.${discovery.proposal.identity.emailColumn}`,
      urlVariable: discovery.urlVariable,
    };
  });
}
