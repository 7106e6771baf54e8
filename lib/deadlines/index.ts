export { computeDeadline } from "./compute-deadline.ts";
export { DEADLINE_ERROR_CODES, DeadlineError, type DeadlineErrorCode, isDeadlineError } from "./errors.ts";
export { type ClockEvent, type DeadlineInput, deadlineInputSchema } from "./input.ts";
export { jurisdictionFor } from "./jurisdiction-for.ts";
export {
  identityVerificationRequired,
  isJurisdictionCode,
  JURISDICTIONS,
  type JurisdictionCode,
  jurisdictionRules,
  rightsGranted,
  ruleFor,
  ruleForRight,
} from "./rules.ts";
export { type DeadlineResult, type JurisdictionRule, REQUEST_TYPES, type RequestType } from "./types.ts";
