// Which rights a person can file: those the law of their place of residence grants, plus those the
// company honours everywhere of its own accord (the Setting "voluntaryRights", e.g. opt-out for
// every visitor). A right outside both is refused with a plain sentence naming the law.
import { db, type Tx } from "../db.ts";
import { type JurisdictionCode, type RequestType, ruleFor } from "../deadlines/index.ts";
import { AppError } from "../errors.ts";
import { rightsOffered, type VoluntaryRights, voluntaryRightsSchema } from "./offered-rights.ts";

export const VOLUNTARY_RIGHTS_SETTING_KEY = "voluntaryRights";

export async function readVoluntaryRights(tx?: Tx): Promise<VoluntaryRights> {
  const row = await (tx ?? db()).setting.findUnique({ where: { key: VOLUNTARY_RIGHTS_SETTING_KEY } });
  const parsed = voluntaryRightsSchema.safeParse(row?.value ?? { rights: {} });
  return parsed.success ? parsed.data : { rights: {} };
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
