// GET /api/v1/requests/{reference}/evidence: the request's signed evidence bundle (ZIP), for
// auditors and admins. Each download is recorded in the audit log and is the bundle's last event.
import { parseReference } from "@/lib/api/parse-input.ts";
import { requireStaffRequest } from "@/lib/auth/require-staff.ts";
import { actorOf } from "@/lib/auth/staff-principal.ts";
import { buildEvidenceBundle } from "@/lib/evidence/build-evidence-bundle.ts";
import { evidenceZipResponse } from "@/lib/evidence/evidence-zip-response.ts";
import { apiRoute } from "@/lib/http/api-response.ts";

export const GET = apiRoute(async (request: Request, context: { params: Promise<{ reference: string }> }) => {
  const principal = await requireStaffRequest(request, "evidence.read");
  const reference = parseReference((await context.params).reference);
  const bundle = await buildEvidenceBundle({ request: { reference }, actor: actorOf(principal) });
  return evidenceZipResponse(bundle);
});
