// Where each correction of a rectification stands, from the request's corrections, the sources'
// receipts and the staff task: corrected by a source (which, which category), left to staff (and
// why), corrected by staff, or not corrected. Pure: the finaliser, the status page, the staff page
// and the completion email all read it, so they always say the same thing.
import { z } from "zod";
import type { RectifyReceipt } from "../connectors/connector.ts";

export type RequestedCorrection = { field: string; correctValue: string; currentValue?: string };

/** Why a correction came to staff: described in words, no enabled source maps it, or no source found a record to change. */
export const staffReasons = ["free-text", "not-mapped", "no-record"] as const;
export type StaffReason = (typeof staffReasons)[number];

export const correctionTaskItemsSchema = z.array(z.object({ index: z.number().int().min(0), reason: z.enum(staffReasons) }));
export type CorrectionTaskItem = z.infer<typeof correctionTaskItemsSchema>[number];
export const correctionTaskResultsSchema = z.array(z.object({ index: z.number().int().min(0), corrected: z.boolean() }));

export type RectificationTask = { sourceKey: string; sourceName: string; status: string; receipt: unknown };
export type StaffCorrectionTask = { status: "OPEN" | "DONE" | "CANCELLED"; items: unknown; results: unknown } | null;

export type CorrectionPlace = { sourceKey: string; source: string; category: string; rows: number };

export type CorrectionState =
  /** A source corrected it. */
  | "corrected"
  /** The sources are still working. */
  | "pending"
  /** Left to staff, not done yet. */
  | "with-staff"
  | "corrected-by-staff"
  | "not-corrected";

export type CorrectionOutcome = RequestedCorrection & {
  index: number;
  /** A field the data map declares (its label is shown), otherwise the person's own words. */
  declared: boolean;
  places: CorrectionPlace[];
  state: CorrectionState;
  staffReason?: StaffReason;
};

function appliedOf(receipt: unknown): RectifyReceipt["applied"] {
  const applied = (receipt as Partial<RectifyReceipt> | null)?.applied;
  return Array.isArray(applied) ? applied : [];
}

/** Every place a source wrote the field, rows 0 included (the source maps it but found no record). */
function placesOf(field: string, tasks: RectificationTask[]): CorrectionPlace[] {
  return tasks
    .filter((task) => task.status === "SUCCEEDED")
    .flatMap((task) =>
      appliedOf(task.receipt)
        .filter((applied) => applied.field === field)
        .map((applied) => ({ sourceKey: task.sourceKey, source: task.sourceName, category: applied.category, rows: applied.rows })),
    );
}

/** The corrections no source applied once every source is done: they become the staff task. */
export function correctionsLeftToStaff(
  corrections: RequestedCorrection[],
  declared: ReadonlySet<string>,
  tasks: RectificationTask[],
): CorrectionTaskItem[] {
  return corrections.flatMap((correction, index) => {
    const places = placesOf(correction.field, tasks);
    if (places.some((place) => place.rows > 0)) return [];
    const reason: StaffReason = !declared.has(correction.field) ? "free-text" : places.length > 0 ? "no-record" : "not-mapped";
    return [{ index, reason }];
  });
}

export function correctionOutcomes(
  corrections: RequestedCorrection[],
  declared: ReadonlySet<string>,
  tasks: RectificationTask[],
  staffTask: StaffCorrectionTask,
): CorrectionOutcome[] {
  const items = staffTask ? correctionTaskItemsSchema.catch([]).parse(staffTask.items) : [];
  const results = staffTask ? correctionTaskResultsSchema.catch([]).parse(staffTask.results ?? []) : [];
  return corrections.map((correction, index) => {
    const places = placesOf(correction.field, tasks).filter((place) => place.rows > 0);
    const base = { ...correction, index, declared: declared.has(correction.field), places };
    const item = items.find((entry) => entry.index === index);
    if (item && staffTask) {
      const staffState: CorrectionState =
        staffTask.status === "OPEN"
          ? "with-staff"
          : results.find((result) => result.index === index)?.corrected
            ? "corrected-by-staff"
            : "not-corrected";
      return { ...base, state: staffState, staffReason: item.reason };
    }
    return { ...base, state: places.length > 0 ? "corrected" : "pending" };
  });
}

/** FULFILLED when every correction was made (by a source or by staff). */
export function rectificationOutcome(outcomes: CorrectionOutcome[]): "FULFILLED" | "PARTIALLY_FULFILLED" {
  return outcomes.every((outcome) => outcome.state === "corrected" || outcome.state === "corrected-by-staff")
    ? "FULFILLED"
    : "PARTIALLY_FULFILLED";
}
