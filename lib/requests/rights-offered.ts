// Which rights a person can file: those the law of their place of residence grants, plus those the
// company honours everywhere of its own accord (the Setting "voluntaryRights", e.g. opt-out for
// every visitor). A right outside both is refused with a plain sentence naming the law.
import { z } from "zod";
import { db, type Tx } from "../db.ts";
import { type JurisdictionCode, REQUEST_TYPES, type RequestType, rightsGranted, ruleFor } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";

export const VOLUNTARY_RIGHTS_SETTING_KEY = "voluntaryRights";

/** Per right: "everywhere" to honour it whatever the law of the person's residence says. */
export const voluntaryRightsSchema = z.strictObject({
  rights: z.partialRecord(z.enum(REQUEST_TYPES), z.literal("everywhere")),
});
export type VoluntaryRights = z.output<typeof voluntaryRightsSchema>;

export async function readVoluntaryRights(tx?: Tx): Promise<VoluntaryRights> {
  const row = await (tx ?? db()).setting.findUnique({ where: { key: VOLUNTARY_RIGHTS_SETTING_KEY } });
  const parsed = voluntaryRightsSchema.safeParse(row?.value ?? { rights: {} });
  return parsed.success ? parsed.data : { rights: {} };
}

/** The rights offered under `jurisdiction`, in the order REQUEST_TYPES lists them. */
export function rightsOffered(jurisdiction: JurisdictionCode, voluntary: VoluntaryRights): RequestType[] {
  const granted = new Set<RequestType>(rightsGranted(jurisdiction));
  return REQUEST_TYPES.filter((type) => granted.has(type) || voluntary.rights[type] === "everywhere");
}

/** Refuses, in words, a right neither the law nor the company's choice gives this person. */
export function assertRightsOffered(jurisdiction: JurisdictionCode, types: readonly RequestType[], voluntary: VoluntaryRights): void {
  const offered = new Set(rightsOffered(jurisdiction, voluntary));
  const missing = types.filter((type) => !offered.has(type));
  if (missing.length === 0) return;
  throw new AppError(
    "RIGHT_NOT_GRANTED",
    `The law that protects you where you live (${ruleFor(jurisdiction).name}) does not give the right to ${missing.map((type) => type.replace("_", " ")).join(" or ")}, and we do not offer it there. Rights you can use: ${[...offered].map((type) => type.replace("_", " ")).join(", ")}.`,
  );
}
