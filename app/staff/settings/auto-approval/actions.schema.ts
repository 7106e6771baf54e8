// The auto-approval form (page.tsx) as the browser sends it: per right a mode (never, every
// jurisdiction, only some) and the jurisdictions ticked; turned into the stored policy shape.
import { z } from "zod";
import { REQUEST_TYPES, type RequestType } from "@/lib/deadlines/index.ts";
import type { AutoApprovalPolicy } from "@/lib/requests/auto-approval-policy.ts";

const mode = z.enum(["off", "all", "some"], { message: "staffSettings.autoApproval.chooseMode" }).default("off");
/** One ticked box arrives as a string, several as a list, none at all as nothing. */
const ticked = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const fields = Object.fromEntries(
  REQUEST_TYPES.flatMap((right) => [[`mode.${right}`, mode] as const, [`jurisdictions.${right}`, ticked] as const]),
);

export const autoApprovalFormSchema = z
  .object(fields as Record<string, typeof mode | typeof ticked>)
  .superRefine((form, ctx) => {
    for (const right of REQUEST_TYPES) {
      if (form[`mode.${right}`] === "some" && (form[`jurisdictions.${right}`] as string[]).length === 0) {
        ctx.addIssue({
          code: "custom",
          path: [`jurisdictions.${right}`],
          message: `Tick at least one jurisdiction for ${right}, or choose another option.`,
        });
      }
    }
  })
  .transform((form): AutoApprovalPolicy => {
    const rights: AutoApprovalPolicy["rights"] = {};
    for (const right of REQUEST_TYPES as readonly RequestType[]) {
      const choice = form[`mode.${right}`];
      if (choice === "all") rights[right] = "all";
      if (choice === "some") rights[right] = form[`jurisdictions.${right}`] as never;
    }
    return { rights };
  });

export const resetFormSchema = z.object({});
