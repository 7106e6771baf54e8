// This business's id in the DRP directory. Without one the DRP API is off and answers 404.
import { env } from "../env.ts";
import { DrpError } from "./drp-error.ts";

export function drpBusinessId(): string {
  const id = env().DRP_BUSINESS_ID;
  if (!id) throw new DrpError(404, "The Data Rights Protocol is not enabled on this portal (DRP_BUSINESS_ID is not set).", true);
  return id;
}
