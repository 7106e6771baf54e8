// GET /.well-known/gpc.json: tells browsers and auditors the portal honours Global Privacy Control
// (the GPC specification's well-known resource). lastUpdate is when this support was last changed.
export const GPC_LAST_UPDATE = "2026-12-07";

export function GET(): Response {
  return Response.json({ gpc: true, lastUpdate: GPC_LAST_UPDATE }, { headers: { "cache-control": "public, max-age=86400" } });
}
