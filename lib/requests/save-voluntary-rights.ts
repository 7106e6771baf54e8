// Admins choose which rights the company honours for everyone, whatever the law of their place of
// residence grants (the Setting "voluntaryRights", read by the form and createSubmission). The
// change is audited: who, and the rights chosen; nothing personal.
import { db, type Tx } from "../db.ts";
import { type Actor, appendAuditEvent } from "../evidence/append-audit-event.ts";
import { type VoluntaryRights, voluntaryRightsSchema } from "./offered-rights.ts";
import { VOLUNTARY_RIGHTS_SETTING_KEY } from "./rights-offered.ts";

export async function saveVoluntaryRights(options: { voluntary: VoluntaryRights; actor: Actor }): Promise<VoluntaryRights> {
  const voluntary = voluntaryRightsSchema.parse(options.voluntary);
  const updatedById = options.actor.type === "STAFF" ? (options.actor.id ?? null) : null;
  await db().$transaction(async (tx: Tx) => {
    await tx.setting.upsert({
      where: { key: VOLUNTARY_RIGHTS_SETTING_KEY },
      create: { key: VOLUNTARY_RIGHTS_SETTING_KEY, value: voluntary, updatedById },
      update: { value: voluntary, updatedById },
    });
    await appendAuditEvent(tx, {
      actor: options.actor,
      action: "settings.voluntary-rights-changed",
      data: { everywhere: Object.keys(voluntary.rights) },
    });
  });
  return voluntary;
}
