// Authorization is data: one map from role to permissions. Every page, server action and API
// route names the permission it needs (see require-staff.ts); nothing checks a role directly.
import type { StaffRole } from "../generated/prisma/enums.ts";

export const permissions = [
  /** See requests, their timeline, tasks and deadline. */
  "requests.read",
  /** Approve, deny, ask for information, extend, close. */
  "requests.decide",
  /** Assign requests to staff. */
  "requests.assign",
  /** Write internal notes. */
  "requests.note",
  /** Complete manual tasks and retry failed connector tasks. */
  "tasks.manage",
  /** Download per-request evidence bundles. */
  "evidence.read",
  /** The request register and yearly metrics. */
  "reports.read",
  /** See the registered connectors (never their secrets). */
  "connectors.read",
  /** Add, edit, test, enable or disable connectors. */
  "connectors.manage",
  /** Invite staff, change roles, disable accounts, reset two-factor. */
  "users.manage",
  /** Auto-approval, reminders, retention. */
  "settings.manage",
  /** The queues dashboard (bull-board). */
  "queues.manage",
  /** Trust, disable and rotate the keys of Data Rights Protocol authorized agents. */
  "agents.manage",
  /** Record opt-outs relayed by an integration (GPC, an opt-out link): the integration role's only permission. */
  "optOuts.record",
] as const;

export type Permission = (typeof permissions)[number];

const agent: readonly Permission[] = [
  "requests.read",
  "requests.decide",
  "requests.assign",
  "requests.note",
  "tasks.manage",
  "connectors.read",
];

const auditor: readonly Permission[] = ["requests.read", "evidence.read", "reports.read", "connectors.read"];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  ADMIN: permissions,
  AGENT: agent,
  AUDITOR: auditor,
  // Least privilege: an integration that relays opt-out signals can record them and nothing else.
  INTEGRATION: ["optOuts.record"],
};

export function can(role: StaffRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
