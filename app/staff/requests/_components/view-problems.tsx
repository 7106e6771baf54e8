// The dashboard's notice when part of the view in the URL could not be used: each parameter by its
// name in the URL, and why in the member's language.
import { useTranslations } from "next-intl";
import type { ParamProblem } from "@/lib/staff/dashboard-params.ts";

export function ViewProblems({ problems }: { problems: ParamProblem[] }) {
  const t = useTranslations("staffRequests");
  // The keys are the catalogue's own (lib/staff/dashboard-params.ts names them); next-intl's typed keys cannot see that.
  const say = useTranslations() as unknown as (key: string, values?: Record<string, string | number>) => string;
  if (problems.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="view-problems-heading">
      <h2 id="view-problems-heading" className="error-summary__title">
        {t("problems.title")}
      </h2>
      <ul>
        {problems.map((problem) => (
          <li key={problem.param}>
            {t.rich("problems.item", {
              name: problem.param,
              problem: say(problem.text.key, problem.text.values),
              param: (chunks) => <code>{chunks}</code>,
            })}
          </li>
        ))}
      </ul>
      <p>{t("problems.rest")}</p>
    </div>
  );
}
