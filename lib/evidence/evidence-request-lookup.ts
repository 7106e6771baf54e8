// Which request an evidence download names: its id (staff pages link by id) or its reference.
import { z } from "zod";

export const evidenceReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^DSR-[0-9A-Z]{4}-[0-9A-Z]{4}$/, "must be a request reference such as DSR-7K3M-Q9PX");

export const evidenceRequestLookupSchema = z.union(
  [z.uuid().transform((id) => ({ id: id.toLowerCase() })), evidenceReferenceSchema.transform((reference) => ({ reference }))],
  { error: "must be a request id (UUID) or a reference such as DSR-7K3M-Q9PX" },
);
