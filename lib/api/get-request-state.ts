// Where a request stands after an action: the answer every staff API action starts from.
import type { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { dayOf } from "../requests/request-deadline.ts";
import type { actionResultSchema } from "./staff-api-responses.schema.ts";

export async function getRequestState(reference: string): Promise<z.input<typeof actionResultSchema>> {
  const row = await db().dsarRequest.findUnique({
    where: { reference },
    select: { reference: true, status: true, dueDate: true, assignee: { select: { email: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`);
  return {
    reference: row.reference,
    status: row.status.toLowerCase() as Lowercase<typeof row.status>,
    dueDate: dayOf(row.dueDate) as string,
    assignee: row.assignee?.email ?? null,
  };
}
