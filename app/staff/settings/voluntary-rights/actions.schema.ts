// The voluntary-rights form (page.tsx) as the browser sends it: the rights ticked, turned into the
// stored shape ({ rights: { opt_out: "everywhere" } }).
import { z } from "zod";
import { REQUEST_TYPES } from "@/lib/deadlines/index.ts";
import type { VoluntaryRights } from "@/lib/requests/offered-rights.ts";

const right = z.enum(REQUEST_TYPES, { message: "staffSettings.voluntary.chooseRights" });

export const voluntaryRightsFormSchema = z
  .object({
    /** One ticked box arrives as a string, several as a list, none at all as nothing. */
    everywhere: z.union([right, z.array(right)]).optional(),
  })
  .transform((form): VoluntaryRights => {
    const ticked = form.everywhere === undefined ? [] : Array.isArray(form.everywhere) ? form.everywhere : [form.everywhere];
    return { rights: Object.fromEntries(ticked.map((type) => [type, "everywhere" as const])) };
  });
