// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the handlers' own schemas.
import { openApiDocument } from "@/lib/api/openapi-document.ts";
import { jsonResponse } from "@/lib/http/api-response.ts";

export function GET() {
  return jsonResponse(openApiDocument(), 200, { "cache-control": "public, max-age=300" });
}
