// Structured logs with personal data redacted by key, wherever it appears in the object.
import pino from "pino";

const redactedKeys = [
  "email",
  "to",
  "fullName",
  "name",
  "accountId",
  "details",
  "corrections",
  "code",
  "token",
  "password",
  "passwordHash",
  "secret",
  "authorization",
  "cookie",
  "body",
  "ip",
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { service: process.env.DSAR_SERVICE ?? "web" },
  redact: {
    paths: [...redactedKeys, ...redactedKeys.map((key) => `*.${key}`), ...redactedKeys.map((key) => `*.*.${key}`)],
    censor: "[redacted]",
  },
});

const emailPattern = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;
const quotedValue = /\(([^()]{1,200})\)=\(([^()]{0,500})\)/g;

/**
 * An error as it may be logged: errors from data sources and databases can quote the values they
 * refused ("Key (email)=(ana@example.com) already exists"), so addresses and quoted values are
 * blanked and the text is cut short. The full message stays on the row staff see (e.g. a task's
 * lastError), never in the logs.
 */
export function loggableError(error: unknown): { type: string; message: string } {
  const type = error instanceof Error ? error.name : typeof error;
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.replace(quotedValue, "($1)=([redacted])").replace(emailPattern, "[email]").slice(0, 300);
  return { type, message };
}
