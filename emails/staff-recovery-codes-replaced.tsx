import { staffSecurityNotice } from "./components/staff-security-notice.tsx";

/** Written by lib/auth/regenerate-recovery-codes.ts (apply-two-factor-change.ts). */
export const staffRecoveryCodesReplacedEmail = staffSecurityNotice("recoveryCodesReplaced");
