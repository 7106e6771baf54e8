"use client";
// Invite a colleague: their email, role and language. They receive a link to choose their password.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { StaffField } from "../../_components/staff-field.tsx";
import { inviteStaffUserAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;

/** `languages`: the portal's, each named in itself; `defaultLocale`: the inviting administrator's own. */
export function InviteForm({ languages, defaultLocale }: { languages: Array<{ code: Locale; name: string }>; defaultLocale: Locale }) {
  const language = useTranslations("staffAccount.inviteLanguage");
  const t = useTranslations("staffUsers.invite");
  const [state, formAction, pending] = useActionState<State, FormData>(inviteStaffUserAction, null);
  const issue = (field: string) => (state && !state.ok ? state.error.issues?.find((i) => i.path === field)?.message : undefined);
  return (
    <form action={formAction} className="staff-form" noValidate>
      {state?.ok ? (
        <p className="message message--success" role="status">
          {state.data.message}
        </p>
      ) : null}
      {state && !state.ok && !state.error.issues?.length ? (
        <p className="message message--error" role="alert">
          {state.error.message}
        </p>
      ) : null}
      <StaffField name="email" label={t("email")} error={issue("email")}>
        {(control) => <input {...control} name="email" type="email" className="input" autoComplete="off" required />}
      </StaffField>
      <fieldset className={issue("role") ? "field field--error" : "field"}>
        <legend className="label">{t("role")}</legend>
        {issue("role") ? <p className="field-error">{issue("role")}</p> : null}
        <label className="checkbox">
          <input type="radio" name="role" value="agent" defaultChecked /> {t("roleAgent")}
        </label>
        <label className="checkbox">
          <input type="radio" name="role" value="auditor" /> {t("roleAuditor")}
        </label>
        <label className="checkbox">
          <input type="radio" name="role" value="admin" /> {t("roleAdmin")}
        </label>
      </fieldset>
      <StaffField name="locale" label={language("label")} hint={language("hint")} error={issue("locale")}>
        {(control) => (
          <select {...control} name="locale" className="input" defaultValue={defaultLocale}>
            {languages.map(({ code, name }) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        )}
      </StaffField>
      <button type="submit" className="button" aria-disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
