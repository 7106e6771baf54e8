// The finaliser's part for a rectification, once every source task has succeeded: corrections no
// source made go to staff (the request stays in progress), and once nothing is left the request
// completes with one email saying what was corrected where and what staff corrected. The audit
// event names fields the data map declares, sources and categories, never values.
import { readDataMap } from "../data-map/read-data-map.ts";
import { db } from "../db.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import type { Locale } from "../requests/request-input.schema.ts";
import { correctionOutcomes, correctionsLeftToStaff, rectificationOutcome } from "./correction-outcomes.ts";
import { describeCorrections, rectificationTasksOf, requestedCorrections } from "./describe-corrections.ts";
import { fieldName, handCorrectionsToStaff } from "./hand-corrections-to-staff.ts";

type RequestWithTasks = Prisma.DsarRequestGetPayload<{ include: { tasks: { include: { connector: true } } } }>;
type Complete = (
  props: Record<string, unknown>,
  outcome: "FULFILLED" | "PARTIALLY_FULFILLED",
  data: Record<string, unknown>,
) => Promise<string | null>;

export async function finaliseRectification(request: RequestWithTasks, complete: Complete): Promise<string | null | "with-staff"> {
  const map = await readDataMap();
  const declared = new Set(Object.keys(map.correctableFields));
  const corrections = requestedCorrections(request.corrections);
  const tasks = rectificationTasksOf(request.tasks);
  const staffTask = await db().correctionTask.findUnique({ where: { requestId: request.id } });
  if (!staffTask) {
    const left = correctionsLeftToStaff(corrections, declared, tasks);
    if (left.length > 0) return (await handCorrectionsToStaff(request, left, corrections, declared)) ? "with-staff" : null;
  } else if (staffTask.status === "OPEN") return "with-staff";
  else if (staffTask.status === "CANCELLED") return null;
  const outcomes = correctionOutcomes(corrections, declared, tasks, staffTask);
  const locale = request.locale as Locale;
  const props = {
    reference: request.reference,
    corrections: describeCorrections(outcomes, map, locale).map(({ label, state, places }) => ({
      label,
      state: state === "corrected-by-staff" || state === "not-corrected" ? state : "corrected",
      places,
    })),
    message: staffTask?.message ?? null,
  };
  return complete(props, rectificationOutcome(outcomes), {
    corrections: outcomes.map((outcome) => ({
      field: fieldName(outcome.field, declared),
      state: outcome.state,
      places: outcome.places.map((place) => ({ source: place.sourceKey, category: place.category, rows: place.rows })),
    })),
  });
}
