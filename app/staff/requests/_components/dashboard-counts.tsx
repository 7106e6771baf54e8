// The figures at the top of the dashboard, each a link to the view that lists those requests.
import { useLocale, useTranslations } from "next-intl";
import type { DashboardCounts } from "@/lib/staff/count-dashboard-requests.ts";
import { DUE_SOON_DAYS, FAILED_TASKS_COUNTED } from "@/lib/staff/dashboard-query.ts";

export function DashboardCountsList({ counts }: { counts: DashboardCounts }) {
  const t = useTranslations("staffRequests.counts");
  const numbers = new Intl.NumberFormat(useLocale());
  const items = [
    { key: "overdue", count: counts.overdue, label: t("overdue"), href: "/staff/requests?overdue=1", urgent: counts.overdue > 0 },
    {
      key: "due",
      count: counts.dueThisWeek,
      label: t("dueWithin", { days: DUE_SOON_DAYS }),
      href: `/staff/requests?dueWithin=${DUE_SOON_DAYS}`,
      urgent: false,
    },
    {
      key: "verification",
      count: counts.awaitingVerification,
      label: t("awaitingVerification"),
      href: "/staff/requests?status=SUBMITTED",
      urgent: false,
    },
    {
      key: "subject",
      count: counts.awaitingSubject,
      label: t("awaitingSubject"),
      href: "/staff/requests?status=AWAITING_SUBJECT",
      urgent: false,
    },
    {
      key: "failed",
      count: counts.failedTasks,
      label: t("failedTasks", { count: counts.failedTasks }),
      href: "/staff/requests?failed=1",
      urgent: counts.failedTasks > 0,
    },
  ];
  return (
    <section aria-labelledby="counts-heading" className="dashboard-counts">
      <h2 id="counts-heading" className="visually-hidden">
        {t("heading")}
      </h2>
      <ul>
        {items.map((item) => (
          <li key={item.key} className={item.urgent ? "dashboard-count dashboard-count--alert" : "dashboard-count"}>
            <a href={item.href}>
              <span className="dashboard-count__number">
                {item.key === "failed" && item.count > FAILED_TASKS_COUNTED
                  ? `${numbers.format(FAILED_TASKS_COUNTED)}+`
                  : numbers.format(item.count)}
              </span>{" "}
              <span className="dashboard-count__label">{item.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
