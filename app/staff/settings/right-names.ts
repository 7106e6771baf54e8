// The rights as the settings pages name them to staff.
import type { RequestType } from "@/lib/deadlines/index.ts";

export const rightNames: Record<RequestType, string> = {
  access: "Access",
  rectification: "Rectification",
  erasure: "Erasure",
  portability: "Portability",
  opt_out: "Opt-out of sale or sharing",
  limit_sensitive: "Limit use of sensitive data",
  restriction: "Restriction",
  objection: "Objection",
};
