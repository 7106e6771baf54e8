import { redirect } from "next/navigation";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";

export default async function StaffHome() {
  await requireStaffPage("requests.read");
  redirect("/staff/requests");
}
