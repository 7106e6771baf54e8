// Which request an evidence download names: its id (staff pages link by id) or its reference, in
// any letter case. A value that can be neither names no request: not found, like any other.
import { parseReference } from "../api/parse-input.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function evidenceRequestLookup(raw: string): { id: string } | { reference: string } {
  const value = raw.trim();
  return UUID.test(value) ? { id: value.toLowerCase() } : { reference: parseReference(value) };
}
