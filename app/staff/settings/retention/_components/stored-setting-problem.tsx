// The retention page's notice when the stored setting fails its schema (edited outside the page):
// the purge waits until an admin saves the form again. Each value's problem is one of the check
// messages, said in the admin's language.
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { localiseCheckMessage } from "@/lib/i18n/localise-check-message.ts";

export function StoredSettingProblem({ issues }: { issues: Array<{ path: string; message: string }> }) {
  const t = useTranslations("staffSettings.retention");
  const locale = useLocale() as Locale;
  return (
    <div className="message message--error" role="alert">
      <p>{t("invalidStored")}</p>
      <ul>
        {issues.map((issue) => (
          <li key={issue.path}>
            {t.rich("invalidValue", {
              path: issue.path,
              problem: localiseCheckMessage(issue.message, locale) ?? issue.message,
              field: (chunks) => <code>{chunks}</code>,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
