// Configuration, validated once at start-up. A bad value stops the process with a message
// naming the variable. Documented in .env.example (keep the two in step).
import { z } from "zod";
import { isAllowedHostEntry } from "./connectors/http/address-guard.ts";

const booleanString = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

const ianaTimeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone such as Europe/Paris");

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).describe("PostgreSQL connection URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(10),
  /** Requests each worker process finalises at once (packages built, receipts summed up, the closing email queued). */
  FINALISER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  QUEUE_BACKEND: z.enum(["redis", "postgres"]).default("redis"),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/)
    .default("dsar"),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }),
  MAIL_FROM: z.string().min(3),
  APP_URL: z.url({ protocol: /^https?$/ }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  COMPANY_NAME: z.string().min(1).default("Example Company"),
  ENCRYPTION_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 random bytes in base64 (openssl rand -base64 32)"),
  VERIFY_WITHIN_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  VERIFICATION_TTL_HOURS: z.coerce.number().int().min(1).max(168).default(24),
  DEFAULT_JURISDICTION: z
    .string()
    .regex(/^[A-Z]{2}_[A-Z_]+$/)
    .default("EU_GDPR"),
  CONTROLLER_TIME_ZONE: ianaTimeZone.default("Europe/Paris"),
  CONTROLLER_HOLIDAY_REGION: z.string().min(2).default("FR"),
  /** Opt-outs relayed for the same person within this many hours are merged into one request. */
  OPT_OUT_MERGE_WINDOW_HOURS: z.coerce.number().int().min(0).max(8760).default(720),
  /**
   * The law a relayed opt-out (GPC, an opt-out link) is handled under when the person's residence is
   * not known: California's by default, the shortest period (15 business days).
   */
  OPT_OUT_SIGNAL_JURISDICTION: z
    .string()
    .regex(/^[A-Z]{2}_[A-Z_]+$/)
    .default("US_CA"),
  OPT_OUT_RATE_LIMIT_PER_KEY_PER_HOUR: z.coerce.number().int().min(1).default(10_000),
  RATE_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_PER_EMAIL_PER_DAY: z.coerce.number().int().min(1).default(10),
  /**
   * Staff sign-in tries (password, single sign-on start, invitation) one client address may make in
   * 15 minutes. Raise it when many staff share one address (an office behind one NAT); each account
   * keeps its own growing delays whatever this is.
   */
  STAFF_SIGN_IN_PER_ADDRESS_PER_15_MIN: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: booleanString.default(false),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(10).default(1),
  AUTO_APPROVE_RIGHTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(["access", "portability", "erasure", "rectification"], {
          message: "each one of access, portability, erasure, rectification",
        }),
      ),
    ),
  // http connectors may not call loopback, link-local or private addresses, except these hosts.
  CONNECTOR_ALLOWED_HOSTS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string()).superRefine((entries, context) => {
        for (const entry of entries.filter((candidate) => !isAllowedHostEntry(candidate)))
          context.addIssue({ code: "custom", message: `"${entry}" is not a host name, an IP address or a CIDR range such as 10.0.0.0/8` });
      }),
    ),
  STORAGE_DIR: z.string().min(1).default(".data/storage"),
  DOWNLOAD_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  DOWNLOAD_MAX_COUNT: z.coerce.number().int().min(1).max(100).default(5),
  STAFF_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  STAFF_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(168).default(12),
  EVIDENCE_SIGNING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be a 32-byte Ed25519 seed in base64 (openssl rand -base64 32)")
    .optional(),
  // Staff single sign-on (OpenID Connect); all three set it up, none leaves it off.
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/ })
    .refine(
      (value) => new URL(value).protocol === "https:" || isLoopbackHost(new URL(value).hostname),
      "must be an https:// address (http:// is accepted only for a loopback issuer such as http://127.0.0.1:4000, in tests)",
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  OIDC_ROLE_MAP: z
    .string()
    .optional()
    .transform((value, context) => {
      const entries: Array<{ value: string; role: "ADMIN" | "AGENT" | "AUDITOR" }> = [];
      for (const part of (value ?? "")
        .split(",")
        .map((piece) => piece.trim())
        .filter(Boolean)) {
        const match = /^(.+)=(admin|agent|auditor)$/i.exec(part);
        if (!match) {
          context.addIssue({ code: "custom", message: `"${part}" is not claimValue=role with a role of admin, agent or auditor` });
          continue;
        }
        entries.push({ value: match[1].trim(), role: match[2].toUpperCase() as "ADMIN" | "AGENT" | "AUDITOR" });
      }
      return entries;
    }),
  // The sign-in page's button in English and in French; unset: "Sign in with single sign-on" in the page's language.
  OIDC_BUTTON_LABEL: z.string().min(1).max(60).optional(),
  OIDC_BUTTON_LABEL_FR: z.string().min(1).max(60).optional(),
  OIDC_ONLY: booleanString.default(false),
  // The Data Rights Protocol (app/api/drp/): this business's id in the DRP business directory.
  // Unset: the DRP endpoints answer 404.
  DRP_BUSINESS_ID: z
    .string()
    .regex(/^[A-Za-z0-9_]{1,100}$/, "must be the business id of the DRP directory: letters, digits and _ (e.g. ACME_CORP)")
    .optional(),
  // Status callbacks to loopback addresses (an agent on the same machine, in tests only).
  DRP_ALLOW_LOOPBACK_CALLBACKS: booleanString.default(false),
  // Rate limits of the DRP API (lib/drp/read-drp-call.ts): calls per client address per minute, and
  // new requests filed per agent per minute. The call past either is answered 429 with Retry-After.
  DRP_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  DRP_RATE_LIMIT_FILINGS_PER_AGENT_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings in .env files mean "not set", so defaults apply.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  if (result.data.QUEUE_BACKEND === "redis" && !result.data.REDIS_URL) {
    throw new EnvError(["REDIS_URL: required when QUEUE_BACKEND is redis (or set QUEUE_BACKEND=postgres)"]);
  }
  const oidc = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const;
  const missing = oidc.filter((name) => !result.data[name]);
  if (missing.length > 0 && missing.length < oidc.length) {
    throw new EnvError(missing.map((name) => `${name}: required for single sign-on (set ${oidc.join(", ")} together, or none of them)`));
  }
  if (result.data.OIDC_ONLY && missing.length > 0) {
    throw new EnvError(["OIDC_ONLY: single sign-on only needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET"]);
  }
  if (result.data.OIDC_ROLE_MAP.length > 0 && !result.data.OIDC_ROLE_CLAIM) {
    throw new EnvError(["OIDC_ROLE_CLAIM: required with OIDC_ROLE_MAP (the claim whose values are mapped, e.g. groups)"]);
  }
  return result.data;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
