// The staff members a request can be given to (active agents and admins), for the dashboard's
// assignee filter and its bulk "assign to" choice.
import { db } from "../db.ts";

export async function listAssignableStaff(): Promise<Array<{ id: string; email: string }>> {
  return db().staffUser.findMany({
    where: { disabledAt: null, role: { in: ["ADMIN", "AGENT"] } },
    select: { id: true, email: true },
    orderBy: { email: "asc" },
  });
}
