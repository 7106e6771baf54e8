// The reasons staff may give for a refusal, in the words staff read, and which of them the law
// expects to be explained to the person. Client-safe (no imports): the deny forms use it too.
//
// An explanation is required where the reason alone does not let the person (or a regulator) see
// why: "manifestly unfounded or excessive" (GDPR Art. 12(5): the controller bears the burden of
// demonstrating it; LEGAL.md: "a recorded reason, never a silent close"), "an exemption applies"
// (which exemption, and why: GDPR Art. 12(4) "the reasons for not taking action"; CCPA regs
// §7024(e) "explain the basis for the denial") and "other".
export const DENIAL_REASONS = [
  { value: "IDENTITY_NOT_VERIFIED", label: "Identity not verified", needsExplanation: false },
  { value: "MANIFESTLY_UNFOUNDED_OR_EXCESSIVE", label: "Manifestly unfounded or excessive", needsExplanation: true },
  { value: "EXEMPTION_APPLIES", label: "An exemption applies", needsExplanation: true },
  { value: "NO_DATA_HELD", label: "No data held about the person", needsExplanation: false },
  // Only for a request an agent filed (deny-request.ts); the agent is emailed too.
  { value: "AGENT_AUTHORITY_NOT_SHOWN", label: "Agent authority not shown", needsExplanation: false },
  { value: "OTHER", label: "Other reason", needsExplanation: true },
] as const;

export type DenialReasonValue = (typeof DENIAL_REASONS)[number]["value"];

/** The shortest explanation accepted where one is required. */
export const DENIAL_EXPLANATION_MIN = 10;

export function denialNeedsExplanation(reason: string): boolean {
  return DENIAL_REASONS.some((option) => option.value === reason && option.needsExplanation);
}

export function denialReasonOptionLabel(reason: string): string {
  return DENIAL_REASONS.find((option) => option.value === reason)?.label ?? reason;
}
