"use client";
// Invite a colleague: their email and role. They receive a link to choose their password.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/auth/staff-action.ts";
import { StaffField } from "../../_components/staff-field.tsx";
import { inviteStaffUserAction } from "../actions.ts";

type State = ActionResult<{ message: string }> | null;

export function InviteForm() {
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
      <button type="submit" className="button" aria-disabled={pending}>
        {t("submit")}
      </button>
    </form>
  );
}
