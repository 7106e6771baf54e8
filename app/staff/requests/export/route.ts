// CSV of the dashboard: the ticked rows (?scope=selection&reference=…) or the whole view (the
// dashboard's own query string). Reading only, so the staff cookie is accepted (GET) as well as an
// API key; the export itself is audited by the service.
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { englishText } from "@/lib/auth/staff-refusal.ts";
import { AppError } from "@/lib/errors.ts";
import { apiRoute } from "@/lib/http/api-response.ts";
import { referencesSchema } from "@/lib/staff/bulk-action.schema.ts";
import { parseDashboardParams } from "@/lib/staff/dashboard-params.ts";
import { exportDashboardCsv } from "@/lib/staff/export-dashboard-csv.ts";

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

export const GET = apiRoute(async (request: Request) => {
  const principal = await requireStaffRequest(request, "requests.read");
  const url = new URL(request.url);
  const query = queryObject(url);
  const { params, problems } = parseDashboardParams(query);
  if (problems.length > 0) {
    const issues = problems.map((p) => ({ path: p.param, message: englishText(p.text), text: p.text }));
    throw new AppError("VALIDATION_FAILED", `Invalid ${issues.map((p) => `${p.path}: ${p.message}`).join("; ")}`, { issues });
  }
  let references: string[] | undefined;
  if (query.scope === "selection" || query.reference !== undefined) {
    const parsed = referencesSchema.safeParse(query.reference);
    if (!parsed.success) {
      throw new AppError("VALIDATION_FAILED", `Invalid reference: ${parsed.error.issues[0]?.message ?? "not a reference"}`);
    }
    references = parsed.data;
  }
  const { csv, filename } = await exportDashboardCsv({ params, references, principal });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
});
