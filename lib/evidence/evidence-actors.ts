// Who acted on a request, as an auditor needs to read it: each staff member and API key that appears
// in the request's timeline (or completed one of its tasks) by email and role, or by key name and
// prefix, instead of bare ids. Staff identities are the company's own records, not the person's data.
import { db } from "../db.ts";

export type EvidenceActor =
  | { id: string; kind: "staff"; email: string; role: string; actions: string[] }
  | { id: string; kind: "api-key"; name: string; prefix: string; role: string; actions: string[] }
  | { id: string; kind: "unknown"; actions: string[] };

export async function readEvidenceActors(
  requestId: string,
  /** The chain position of the bundle's last event. */
  lastSeq: bigint,
  taskCompleters: Array<string | null>,
): Promise<Map<string, EvidenceActor>> {
  const events = await db().auditEvent.findMany({
    where: { requestId, chainSeq: { lte: lastSeq }, actorType: { in: ["STAFF", "API_KEY"] }, actorId: { not: null } },
    select: { actorType: true, actorId: true, action: true },
    orderBy: { chainSeq: "asc" },
  });
  const actions = new Map<string, string[]>();
  const staffIds = new Set<string>();
  const keyIds = new Set<string>();
  for (const event of events) {
    const id = event.actorId as string;
    (event.actorType === "STAFF" ? staffIds : keyIds).add(id);
    const list = actions.get(id) ?? [];
    if (!list.includes(event.action)) list.push(event.action);
    actions.set(id, list);
  }
  for (const id of taskCompleters) if (id) staffIds.add(id);
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const [staff, keys] = await Promise.all([
    db().staffUser.findMany({
      where: { id: { in: [...staffIds].filter((id) => uuid.test(id)) } },
      select: { id: true, email: true, role: true },
    }),
    db().apiKey.findMany({
      where: { id: { in: [...keyIds].filter((id) => uuid.test(id)) } },
      select: { id: true, name: true, prefix: true, role: true },
    }),
  ]);
  const actors = new Map<string, EvidenceActor>();
  for (const id of [...staffIds, ...keyIds]) actors.set(id, { id, kind: "unknown", actions: actions.get(id) ?? [] });
  for (const user of staff)
    actors.set(user.id, {
      id: user.id,
      kind: "staff",
      email: user.email,
      role: user.role.toLowerCase(),
      actions: actions.get(user.id) ?? [],
    });
  for (const key of keys)
    actors.set(key.id, {
      id: key.id,
      kind: "api-key",
      name: key.name,
      prefix: key.prefix,
      role: key.role.toLowerCase(),
      actions: actions.get(key.id) ?? [],
    });
  return actors;
}

/** "alice@acme.example (admin)", "API key Ticketing (dsk_ab12, agent)", or the bare id when the account is gone. */
export function describeActor(actor: EvidenceActor | undefined, id: string): string {
  if (!actor || actor.kind === "unknown") return `${id} (account no longer exists)`;
  if (actor.kind === "staff") return `${actor.email} (${actor.role})`;
  return `API key ${actor.name} (${actor.prefix}, ${actor.role})`;
}
