import { staffSecurityNotice } from "./components/staff-security-notice.tsx";

/** Written by lib/auth/turn-off-two-factor.ts (apply-two-factor-change.ts). */
export const staffTwoFactorTurnedOffEmail = staffSecurityNotice("twoFactorTurnedOff");
