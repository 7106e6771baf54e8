"use client";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
// The request form. The browser checks it with the same schema as the server before sending; the
// server action checks again and answers with the same { path, message } issues. Without
// JavaScript it is a plain POST and the page comes back with the fields filled in.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import type { CorrectionChoice } from "@/lib/corrections/list-correction-choices.ts";
import { jurisdictionFor } from "@/lib/deadlines/jurisdiction-for.ts";
import type { JurisdictionCode } from "@/lib/deadlines/rules.ts";
import { localiseIssuesWith, validationKeyOf } from "@/lib/i18n/validation-keys.ts";
import { rightsOffered, type VoluntaryRights } from "@/lib/requests/offered-rights.ts";
import { type Locale, requestFormSchema, requestTypes } from "@/lib/requests/request-input.schema.ts";
import {
  type CorrectionValues,
  emptyCorrection,
  emptyRequestForm,
  type FormIssue,
  initialRequestFormState,
  permissionFileIssue,
  type RequestFormValues,
  toRequestInput,
} from "../actions.schema.ts";
import { submitRequestAction } from "../actions.ts";
import { AgentFields } from "./agent-fields.tsx";
import { CorrectionRows } from "./correction-rows.tsx";
import { describedBy, ErrorSummary, errorId, FieldError, fieldId, Hint, Marker, useHydrated } from "./form-parts.tsx";

export type Option = { code: string; name: string };

type RequestFormProps = {
  locale: Locale;
  countries: Option[];
  regions: Record<string, Option[]>;
  correctionChoices: CorrectionChoice[];
  /** The law applied where the person's place has none of its own. */
  fallbackJurisdiction: JurisdictionCode;
  voluntaryRights: VoluntaryRights;
  /** The browser sent `Sec-GPC: 1`: the opt-out is ticked, and the form says why. */
  gpc?: boolean;
};

const fieldOrder = ["types", "corrections", "country", "region", "agent", "agentPermission", "email", "fullName", "accountId", "details"];

function byFormOrder(a: FormIssue, b: FormIssue): number {
  const rank = (issue: FormIssue) => {
    const index = fieldOrder.indexOf(issue.path.split(".")[0]);
    return index === -1 ? fieldOrder.length : index;
  };
  // Array.prototype.sort is stable: within a field, issues keep the schema's order.
  return rank(a) - rank(b);
}

/** Where an error summary link leads: the field itself, or the first input of a group. */
function targetFor(path: string): string {
  if (path === "types") return `types-${requestTypes[0]}`;
  if (path === "corrections") return "corrections-0-field";
  return fieldId(path);
}

export function RequestForm({
  locale,
  countries,
  regions,
  correctionChoices,
  fallbackJurisdiction,
  voluntaryRights,
  gpc = false,
}: RequestFormProps) {
  const t = useTranslations("publicForm");
  const common = useTranslations("publicCommon.common");
  const rights = useTranslations("publicCommon.rights");
  const say = useTranslations();
  const [state, formAction, pending] = useActionState(submitRequestAction, initialRequestFormState);
  const hydrated = useHydrated();
  const [values, setValues] = useState<RequestFormValues>(
    state.values ?? (gpc ? { ...emptyRequestForm, types: ["opt_out"] } : emptyRequestForm),
  );
  // Until the person says where they live (and the state or province where the law depends on it),
  // every right is shown; then only those offered there.
  const placeKnown = values.country !== "" && ((regions[values.country] ?? []).length === 0 || values.region !== "");
  const offered: readonly string[] = placeKnown
    ? rightsOffered(jurisdictionFor(values.country, values.region || null, fallbackJurisdiction), voluntaryRights)
    : requestTypes;
  // The browser's signal stands until the person unticks the opt-out themselves: a place that offers
  // it again ticks it again.
  const [gpcStands, setGpcStands] = useState(gpc);
  const [issues, setIssues] = useState<FormIssue[]>(state.issues);
  const [formError, setFormError] = useState<string | null>(state.formError);
  const [focusRequest, setFocusRequest] = useState(0);
  const [seenState, setSeenState] = useState(state);
  const summaryRef = useRef<HTMLDivElement>(null);
  const pendingFocusId = useRef<string | null>(null);

  // A new answer from the server replaces what the form shows.
  if (seenState !== state) {
    setSeenState(state);
    if (state.values) setValues(state.values);
    setIssues(state.issues);
    setFormError(state.formError);
    if (state.issues.length > 0 || state.formError) setFocusRequest((n) => n + 1);
  }

  useEffect(() => {
    if (focusRequest > 0) summaryRef.current?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (!pendingFocusId.current) return;
    document.getElementById(pendingFocusId.current)?.focus();
    pendingFocusId.current = null;
  });

  const sortedIssues = [...issues].sort(byFormOrder);
  const messageFor = (path: string) => issues.find((issue) => issue.path === path)?.message;
  const set = <K extends keyof RequestFormValues>(key: K, value: RequestFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const countryRegions = regions[values.country] ?? [];
  const rectification = values.types.includes("rectification");

  // A right ticked before the country was chosen, and not offered there, is unticked.
  useEffect(() => {
    if (values.types.some((type) => !offered.includes(type))) {
      setValues((v) => ({ ...v, types: v.types.filter((type) => offered.includes(type)) }));
    } else if (gpcStands && offered.includes("opt_out") && !values.types.includes("opt_out")) {
      setValues((v) => ({ ...v, types: [...v.types, "opt_out"] }));
    }
  });

  function toggleType(type: string, checked: boolean) {
    if (type === "opt_out" && !checked) setGpcStands(false);
    set("types", checked ? [...values.types, type] : values.types.filter((value) => value !== type));
  }
  function changeCorrection(index: number, key: keyof CorrectionValues, value: string) {
    set(
      "corrections",
      values.corrections.map((row, i) => (i === index ? { ...row, [key]: value } : row)),
    );
  }
  function addCorrection() {
    pendingFocusId.current = fieldId(`corrections.${values.corrections.length}.field`);
    set("corrections", [...values.corrections, { ...emptyCorrection }]);
  }
  function removeCorrection(index: number) {
    const kept = values.corrections.filter((_, i) => i !== index);
    pendingFocusId.current = fieldId(`corrections.${Math.max(0, index - 1)}.field`);
    set("corrections", kept.length > 0 ? kept : [{ ...emptyCorrection }]);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    const parsed = requestFormSchema.safeParse(toRequestInput(values, locale));
    // The signed permission is checked here as on the server: size, then its first bytes.
    const upload = values.onBehalf ? formData.get("agentPermission") : null;
    const file = upload instanceof File ? upload : null;
    const head = file ? new Uint8Array(await file.slice(0, 1024).arrayBuffer()) : null;
    const permissionIssue = values.onBehalf ? permissionFileIssue(file, head) : null;
    setFormError(null);
    if (!parsed.success || permissionIssue) {
      const found = parsed.success ? [] : localiseIssuesWith(parsed.error.issues, (key) => say(key));
      if (permissionIssue) found.push({ path: "agentPermission", message: say(validationKeyOf(permissionIssue)) });
      setIssues(found);
      setFocusRequest((n) => n + 1);
      return;
    }
    setIssues([]);
    startTransition(() => formAction(formData));
  }

  const textField = (name: "email" | "fullName" | "accountId", label: string, hint: string, required: boolean, autoComplete: string) => {
    const message = messageFor(name);
    return (
      <div className={`field${message ? " field--error" : ""}`}>
        <label className="label" htmlFor={name}>
          {label}
          <Marker text={required ? common("required") : common("optional")} />
        </label>
        <Hint id={`${name}-hint`}>{hint}</Hint>
        <FieldError id={errorId(name)} label={common("error")} message={message} />
        <input
          id={name}
          name={name}
          type={name === "email" ? "email" : "text"}
          className="input"
          autoComplete={autoComplete}
          spellCheck={name === "email" ? false : undefined}
          required={required}
          value={values[name]}
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(`${name}-hint`, message && errorId(name))}
          onChange={(event) => set(name, event.target.value)}
        />
      </div>
    );
  };

  const typesError = messageFor("types");
  const countryError = messageFor("country");
  const regionError = messageFor("region");
  const detailsError = messageFor("details");

  return (
    <form action={formAction} onSubmit={handleSubmit} noValidate className="request-form">
      <input type="hidden" name="locale" value={locale} />
      <ErrorSummary
        title={t("form.errorSummaryTitle")}
        issues={sortedIssues}
        formError={formError}
        targetFor={targetFor}
        summaryRef={summaryRef}
      />

      <fieldset
        className={`field group${typesError ? " field--error" : ""}`}
        aria-describedby={describedBy("types-hint", typesError && errorId("types"))}
      >
        <legend className="legend">
          {t("form.rightsLegend")}
          <Marker text={common("required")} />
        </legend>
        <Hint id="types-hint">
          {t("form.rightsHint")} {t("form.rightsForPlace")}
        </Hint>
        {gpc ? (
          <p className="notice" id="gpc-notice" role="note">
            {offered.includes("opt_out") ? t("form.gpcNotice") : t("form.gpcNoticeNotOffered")}
          </p>
        ) : null}
        <FieldError id={errorId("types")} label={common("error")} message={typesError} />
        <div className="checkboxes">
          {requestTypes
            .filter((type) => offered.includes(type))
            .map((type) => (
              <div className="checkbox" key={type}>
                <input
                  id={`types-${type}`}
                  name="types"
                  type="checkbox"
                  value={type}
                  checked={values.types.includes(type)}
                  aria-describedby={`types-${type}-hint`}
                  aria-invalid={typesError ? true : undefined}
                  onChange={(event) => toggleType(type, event.target.checked)}
                />
                <label htmlFor={`types-${type}`}>{rights(`${type}.label`)}</label>
                <Hint id={`types-${type}-hint`}>{rights(`${type}.hint`)}</Hint>
              </div>
            ))}
        </div>
      </fieldset>

      {rectification ? (
        <CorrectionRows
          choices={correctionChoices}
          rows={values.corrections}
          hydrated={hydrated}
          messageFor={messageFor}
          onChange={changeCorrection}
          onAdd={addCorrection}
          onRemove={removeCorrection}
        />
      ) : null}

      <div className={`field${countryError ? " field--error" : ""}`}>
        <label className="label" htmlFor="country">
          {t("form.country")}
          <Marker text={common("required")} />
        </label>
        <Hint id="country-hint">{t("form.countryHint")}</Hint>
        <FieldError id={errorId("country")} label={common("error")} message={countryError} />
        <select
          id="country"
          name="country"
          className="select"
          autoComplete="country"
          required
          value={values.country}
          aria-invalid={countryError ? true : undefined}
          aria-describedby={describedBy("country-hint", countryError && errorId("country"))}
          onChange={(event) => setValues((v) => ({ ...v, country: event.target.value, region: "" }))}
        >
          <option value="">{t("form.countryPlaceholder")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>
              {country.name}
            </option>
          ))}
        </select>
      </div>

      {countryRegions.length > 0 ? (
        <div className={`field${regionError ? " field--error" : ""}`}>
          <label className="label" htmlFor="region">
            {t("form.region")}
            <Marker text={common("required")} />
          </label>
          <FieldError id={errorId("region")} label={common("error")} message={regionError} />
          <select
            id="region"
            name="region"
            className="select"
            required
            value={values.region}
            aria-invalid={regionError ? true : undefined}
            aria-describedby={describedBy(regionError && errorId("region"))}
            onChange={(event) => set("region", event.target.value)}
          >
            <option value="">{t("form.regionPlaceholder")}</option>
            {countryRegions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <AgentFields values={values} messageFor={messageFor} onChange={(key, value) => setValues((v) => ({ ...v, [key]: value }))} />

      {values.onBehalf
        ? textField("email", t("form.personEmail"), t("form.personEmailHint"), true, "off")
        : textField("email", t("form.email"), t("form.emailHint"), true, "email")}
      {values.onBehalf
        ? textField("fullName", t("form.personFullName"), t("form.personFullNameHint"), false, "off")
        : textField("fullName", t("form.fullName"), t("form.fullNameHint"), false, "name")}
      {textField("accountId", t("form.accountId"), t("form.accountIdHint"), false, "off")}

      <div className={`field${detailsError ? " field--error" : ""}`}>
        <label className="label" htmlFor="details">
          {t("form.details")}
          <Marker text={common("optional")} />
        </label>
        <Hint id="details-hint">{t("form.detailsHint")}</Hint>
        <FieldError id={errorId("details")} label={common("error")} message={detailsError} />
        <textarea
          id="details"
          name="details"
          className="textarea"
          rows={5}
          value={values.details}
          aria-invalid={detailsError ? true : undefined}
          aria-describedby={describedBy("details-hint", detailsError && errorId("details"))}
          onChange={(event) => set("details", event.target.value)}
        />
      </div>

      <button type="submit" className="button" aria-disabled={pending || undefined}>
        {pending ? t("form.submitting") : t("form.submit")}
      </button>
    </form>
  );
}
