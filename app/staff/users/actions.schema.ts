// Inputs of the users page's actions (actions.ts).
import { z } from "zod";

export { changeStaffRoleSchema } from "@/lib/staff-users/change-staff-role.ts";
export { inviteStaffUserSchema } from "@/lib/staff-users/invite-staff-user.ts";

export const staffUserIdSchema = z.object({ userId: z.uuid({ message: "staffUsers.validation.account" }) });
