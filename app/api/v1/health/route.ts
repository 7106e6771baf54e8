// GET /api/v1/health: 200 only when both the database and the queue answer.
import { checkHealth } from "@/lib/health/check-health.ts";
import { jsonResponse } from "@/lib/http/api-response.ts";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  const ok = health.database === "ok" && health.queue === "ok";
  return jsonResponse(health, ok ? 200 : 503);
}
