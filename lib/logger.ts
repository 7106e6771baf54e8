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
