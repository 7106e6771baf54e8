// GET /api/v1/reports/metrics?from=&to=&jurisdiction=&format=json|csv&table=rights|jurisdictions:
// the CCPA §7102 metrics per right and the share answered on time per jurisdiction (reports.read).
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";
import { computeRequestMetrics } from "@/lib/reports/compute-request-metrics.ts";
import { metricsCsv } from "@/lib/reports/metrics-csv.ts";
import { reportDefinitions, reportFileName } from "@/lib/reports/report-definitions.ts";
import { controllerToday, metricsQueryFields, parseReportQuery } from "@/lib/reports/report-query.ts";

export const GET = apiRoute(async (request: Request) => {
  await requireStaffRequest(request, "reports.read");
  const today = controllerToday();
  const query = parseReportQuery(new URL(request.url).searchParams, metricsQueryFields, today);
  const metrics = await computeRequestMetrics(query, today);
  if (query.format === "json") {
    const { from, to, jurisdiction } = query;
    return jsonResponse({
      period: { from, to, jurisdiction: jurisdiction ?? "all" },
      definitions: reportDefinitions,
      byRight: metrics.byRight,
      byJurisdiction: metrics.byJurisdiction,
    });
  }
  return new Response(metricsCsv(metrics, query.table), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${reportFileName("request-metrics", query, `${query.table}.csv`)}"`,
      "cache-control": "no-store",
    },
  });
});
