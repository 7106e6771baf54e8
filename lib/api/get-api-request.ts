// `GET /api/v1/requests/{reference}`: one request in full, with its deadline and connector tasks.
import type { z } from "zod";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import { detailInclude, toRequestDetail } from "./request-views.ts";
import type { requestDetailSchema } from "./staff-api-responses.schema.ts";

export async function getApiRequest(reference: string, now = new Date()): Promise<z.input<typeof requestDetailSchema>> {
  const row = await db().dsarRequest.findUnique({ where: { reference }, include: detailInclude });
  if (!row) throw new AppError("NOT_FOUND", `No request has the reference ${reference}.`);
  return toRequestDetail(row, now);
}
