// The figures at the top of the dashboard, each a link to the view that lists those requests.
import type { DashboardCounts } from "@/lib/staff/count-dashboard-requests.ts";
import { DUE_SOON_DAYS, FAILED_TASKS_COUNTED } from "@/lib/staff/dashboard-query.ts";

export function DashboardCountsList({ counts }: { counts: DashboardCounts }) {
  const items = [
    { key: "overdue", count: counts.overdue, label: "overdue", href: "/staff/requests?overdue=1", urgent: counts.overdue > 0 },
    {
      key: "due",
      count: counts.dueThisWeek,
      label: `due within ${DUE_SOON_DAYS} days`,
      href: `/staff/requests?dueWithin=${DUE_SOON_DAYS}`,
      urgent: false,
    },
    {
      key: "verification",
      count: counts.awaitingVerification,
      label: "awaiting verification",
      href: "/staff/requests?status=SUBMITTED",
      urgent: false,
    },
    {
      key: "subject",
      count: counts.awaitingSubject,
      label: "awaiting the person",
      href: "/staff/requests?status=AWAITING_SUBJECT",
      urgent: false,
    },
    {
      key: "failed",
      count: counts.failedTasks,
      label: counts.failedTasks === 1 ? "failed connector task" : "failed connector tasks",
      href: "/staff/requests?failed=1",
      urgent: counts.failedTasks > 0,
    },
  ];
  return (
    <section aria-labelledby="counts-heading" className="dashboard-counts">
      <h2 id="counts-heading" className="visually-hidden">
        At a glance
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.key} className={item.urgent ? "dashboard-count dashboard-count--alert" : "dashboard-count"}>
            <a href={item.href}>
              <span className="dashboard-count__number">
                {item.key === "failed" && item.count > FAILED_TASKS_COUNTED
                  ? `${FAILED_TASKS_COUNTED.toLocaleString("en")}+`
                  : item.count.toLocaleString("en")}
              </span>{" "}
              <span className="dashboard-count__label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
