// What a role lets its holder do, in words (the permission names are for the code, not for people).
import { type Permission, rolePermissions } from "@/lib/auth/permissions.ts";
import type { StaffRole } from "@/lib/generated/prisma/enums.ts";

const permissionWords: Record<Permission, string> = {
  "requests.read": "see requests, their timeline, tasks and deadline",
  "requests.decide": "approve, deny, ask for information, extend and close requests",
  "requests.assign": "assign requests to staff",
  "requests.note": "write internal notes",
  "tasks.manage": "complete manual tasks and retry failed connector tasks",
  "evidence.read": "download evidence bundles",
  "reports.read": "read the request register and yearly metrics",
  "connectors.read": "see the connectors (never their secrets)",
  "connectors.manage": "add, edit, test, enable and disable connectors",
  "users.manage": "invite staff, change roles, disable accounts and reset two-factor",
  "settings.manage": "change auto-approval, reminders and retention",
  "queues.manage": "open the queues dashboard",
  "agents.manage": "trust, disable and rotate the keys of authorized agents (Data Rights Protocol)",
  "optOuts.record": "record opt-outs relayed by an integration (Global Privacy Control, an opt-out link)",
};

export function RolePermissions({ role }: { role: StaffRole }) {
  return (
    <>
      {role.toLowerCase()}, who can:
      <ul>
        {rolePermissions[role].map((permission) => (
          <li key={permission}>{permissionWords[permission]}</li>
        ))}
      </ul>
    </>
  );
}
