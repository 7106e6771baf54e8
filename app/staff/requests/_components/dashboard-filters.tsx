// The dashboard's filters: a plain GET form, so a view is a URL (bookmark it, share it) and works
// without JavaScript. Applying filters starts again at page 1 and keeps the sort and page size.
import { JURISDICTIONS } from "@/lib/deadlines/rules.ts";
import { type DashboardParams, PAGE_SIZES, REQUEST_STATUSES, REQUEST_TYPES } from "@/lib/staff/dashboard-params.ts";
import { lawShortName, rightNames, statusNames } from "./labels.ts";

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
  const assignee = typeof params.assignee === "string" ? params.assignee : params.assignee.staffUserId;
  return (
    <form method="get" action="/staff/requests" className="dashboard-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="visually-hidden">
        Filters
      </h2>
      <fieldset className="filter-statuses">
        <legend className="legend">Status</legend>
        <div className="filter-statuses__list">
          {REQUEST_STATUSES.map((status) => (
            <label key={status} className="filter-check">
              <input type="checkbox" name="status" value={status} defaultChecked={params.status.includes(status)} /> {statusNames[status]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="filter-row">
        <div className="filter-field">
          <label className="label" htmlFor="filter-q">
            Search reference or email
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
            The start of a reference (DSR-7K3M) or of an address; a whole address finds exactly that person.
          </p>
        </div>
        <FilterSelect
          name="type"
          label="Right"
          value={params.type ?? ""}
          options={[["", "Any right"], ...REQUEST_TYPES.map((type): Option => [type, rightNames[type]])]}
        />
        <FilterSelect
          name="jurisdiction"
          label="Jurisdiction"
          value={params.jurisdiction ?? ""}
          options={[["", "Any jurisdiction"], ...JURISDICTIONS.map((code): Option => [code, lawShortName(code)])]}
        />
        <FilterSelect
          name="assignee"
          label="Assignee"
          value={assignee}
          options={[
            ["anyone", "Anyone"],
            ["unassigned", "Unassigned"],
            ["mine", "Assigned to me"],
            ...props.staff.map((member): Option => [member.id, member.email]),
          ]}
        />
        <div className="filter-field">
          <label className="label" htmlFor="filter-due">
            Due within (days)
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
            <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} /> Overdue
          </label>
          <label className="filter-check">
            <input type="checkbox" name="failed" value="1" defaultChecked={params.failed} /> With failed tasks
          </label>
        </div>
        <FilterSelect
          name="size"
          label="Rows per page"
          value={String(params.size)}
          options={PAGE_SIZES.map((size): Option => [String(size), String(size)])}
        />
      </div>
      <input type="hidden" name="sort" value={params.sort} />
      <input type="hidden" name="dir" value={params.dir} />
      <div className="button-row">
        <button type="submit" className="button">
          Apply filters
        </button>
        <a href="/staff/requests">Reset to open requests</a>
      </div>
    </form>
  );
}
