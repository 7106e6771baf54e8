// What a role lets its holder do, in words (the permission names are for the code, not for people),
// in the reader's language.
import { rolePermissions } from "@/lib/auth/permissions.ts";
import type { StaffRole } from "@/lib/generated/prisma/enums.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { translator } from "@/lib/i18n/translator.ts";

export function RolePermissions({ role, locale }: { role: StaffRole; locale: Locale }) {
  const t = translator(locale);
  return (
    <>
      {t("staffAccount.roleCan", { role: t(`staffShell.role.${role}`) })}
      <ul>
        {rolePermissions[role].map((permission) => (
          <li key={permission}>{t(`staffAccount.permission.${permission}`)}</li>
        ))}
      </ul>
    </>
  );
}
