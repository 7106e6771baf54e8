// GET /language?to=fr&next=/fr/privacy: remembers the chosen language in the `locale` cookie (read
// by proxy.ts when someone opens "/") and goes back to the same page in that language. Only paths
// of this site are followed (lib/http/same-site-path.ts rebuilds the path from its decoded
// segments), so the route cannot be used to send people elsewhere.
import { z } from "zod";
import { sameSitePath } from "@/lib/http/same-site-path.ts";
import { locales } from "@/lib/requests/request-input.schema.ts";

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

const querySchema = z.object({
  to: z.enum(locales).catch("en"),
  next: z.string().max(2048).nullable().catch(null),
});

export function GET(request: Request): Response {
  const url = new URL(request.url);
  const { to, next } = querySchema.parse({ to: url.searchParams.get("to"), next: url.searchParams.get("next") });
  const destination = sameSitePath(next) ?? `/${to}`;
  const secure = url.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const cookie = [`locale=${to}`, "Path=/", `Max-Age=${ONE_YEAR_SECONDS}`, "SameSite=Lax", "HttpOnly", ...(secure ? ["Secure"] : [])].join(
    "; ",
  );
  return new Response(null, {
    status: 303,
    headers: { Location: destination, "Set-Cookie": cookie, "Cache-Control": "no-store" },
  });
}
