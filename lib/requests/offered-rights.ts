// Which rights a person can file, as a pure function the form and the server share: those the law
// of their place of residence grants, plus those the company honours everywhere of its own accord.
import { z } from "zod";
import { type JurisdictionCode, rightsGranted } from "../deadlines/rules.ts";
import { REQUEST_TYPES, type RequestType } from "../deadlines/types.ts";

/** Per right: "everywhere" to honour it whatever the law of the person's residence says. */
export const voluntaryRightsSchema = z.strictObject({
  rights: z.partialRecord(z.enum(REQUEST_TYPES), z.literal("everywhere")),
});
export type VoluntaryRights = z.output<typeof voluntaryRightsSchema>;

/** The rights offered under `jurisdiction`, in the order REQUEST_TYPES lists them. */
export function rightsOffered(jurisdiction: JurisdictionCode, voluntary: VoluntaryRights): RequestType[] {
  const granted = new Set<RequestType>(rightsGranted(jurisdiction));
  return REQUEST_TYPES.filter((type) => granted.has(type) || voluntary.rights[type] === "everywhere");
}
