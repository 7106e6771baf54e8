// The dashboard's filters: a plain GET form, so a view is a URL (bookmark it, share it) and works
// without JavaScript. Applying filters starts again at page 1 and keeps the sort and page size.

import { useTranslations } from "next-intl";
import { JURISDICTIONS } from "@/lib/deadlines/rules.ts";
import { type DashboardParams, PAGE_SIZES, REQUEST_STATUSES, REQUEST_TYPES } from "@/lib/staff/dashboard-params.ts";
import { lawShortName } from "./labels.ts";

type Option = [value: string, label: string];

function FilterSelect(props: { name: string; label: string; value: string; options: Option[] }) {
  const id = `filter-${props.name}`;
  return (
    <div className="filter-field">
      <label className="label" htmlFor={id}>
        {props.label}
      </label>
      <select id={id} name={props.name} className="select" defaultValue={props.value}>
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DashboardFilters(props: { params: DashboardParams; staff: Array<{ id: string; email: string }> }) {
  const { params } = props;
  const t = useTranslations("staffRequests.filters");
  const labels = useTranslations("staffLabels");
  const assignee = typeof params.assignee === "string" ? params.assignee : params.assignee.staffUserId;
  return (
    <form method="get" action="/staff/requests" className="dashboard-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        {t("heading")}
      </h2>
      <fieldset className="filter-statuses">
        <legend className="legend">{t("status")}</legend>
        <div className="filter-statuses__list">
          {REQUEST_STATUSES.map((status) => (
            <label key={status} className="filter-check">
              <input type="checkbox" name="status" value={status} defaultChecked={params.status.includes(status)} />{" "}
              {labels(`status.${status}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-row">
        <div className="filter-field">
          <label className="label" htmlFor="filter-q">
            {t("search")}
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            className="input"
            defaultValue={params.q ?? ""}
            aria-describedby="filter-q-hint"
            autoComplete="off"
          />
          <p id="filter-q-hint" className="hint">
            {t("searchHint")}
          </p>
        </div>
        <FilterSelect
          name="type"
          label={t("right")}
          value={params.type ?? ""}
          options={[["", t("anyRight")], ...REQUEST_TYPES.map((type): Option => [type, labels(`right.${type}`)])]}
        />
        <FilterSelect
          name="jurisdiction"
          label={t("jurisdiction")}
          value={params.jurisdiction ?? ""}
          options={[["", t("anyJurisdiction")], ...JURISDICTIONS.map((code): Option => [code, lawShortName(code, labels)])]}
        />
        <FilterSelect
          name="assignee"
          label={t("assignee")}
          value={assignee}
          options={[
            ["anyone", t("anyone")],
            ["unassigned", t("unassigned")],
            ["mine", t("mine")],
            ...props.staff.map((member): Option => [member.id, member.email]),
          ]}
        />
        <div className="filter-field">
          <label className="label" htmlFor="filter-due">
            {t("dueWithin")}
          </label>
          <input
            id="filter-due"
            name="dueWithin"
            type="number"
            min={0}
            max={366}
            inputMode="numeric"
            className="input input--number"
            defaultValue={params.dueWithin ?? ""}
          />
        </div>
        <div className="filter-field filter-field--checks">
          <label className="filter-check">
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} /> {t("overdue")}
          </label>
          <label className="filter-check">
            <input type="checkbox" name="failed" value="1" defaultChecked={params.failed} /> {t("failed")}
          </label>
        </div>
        <FilterSelect
          name="size"
          label={t("size")}
          value={String(params.size)}
          options={PAGE_SIZES.map((size): Option => [String(size), String(size)])}
        />
      </div>
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <div className="button-row">
        <button type="submit" className="button">
          {t("apply")}
        </button>
        <a href="/staff/requests">{t("reset")}</a>
      </div>
    </form>
  );
}
