// GET /.well-known/evidence-key: the public key that checks evidence bundles' signatures, so an
// auditor can verify a bundle's authenticity (npm run evidence:verify -- FILE.zip --key KEY).
import { evidenceSigningKey } from "@/lib/evidence/evidence-signing-key.ts";
import { apiRoute, jsonResponse } from "@/lib/http/api-response.ts";

export const GET = apiRoute(async () => {
  return jsonResponse(evidenceSigningKey().document, 200, { "cache-control": "public, max-age=3600" });
});
