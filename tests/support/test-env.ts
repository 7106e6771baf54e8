// The configuration every test process runs with (services on this machine only).
import { randomBytes } from "node:crypto";

export function testEnv(overrides: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "test",
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_BACKEND: "redis",
    QUEUE_PREFIX: `dsartest${randomBytes(4).toString("hex")}`,
    MAIL_FROM: "Privacy Team <privacy@example.test>",
    APP_URL: "http://127.0.0.1:3000",
    COMPANY_NAME: "Example Company",
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CONTROLLER_TIME_ZONE: "Europe/Paris",
    CONTROLLER_HOLIDAY_REGION: "FR",
    DEFAULT_JURISDICTION: "EU_GDPR",
    LOG_LEVEL: "warn",
    // The systems behind the tests' http connectors listen on this machine.
    CONNECTOR_ALLOWED_HOSTS: "127.0.0.1,localhost",
    // The Data Rights Protocol's test agents listen on this machine too.
    DRP_BUSINESS_ID: "TEST_PORTAL",
    DRP_ALLOW_LOOPBACK_CALLBACKS: "true",
    ...overrides,
  };
}
