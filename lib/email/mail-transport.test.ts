import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

describe("mailTransport", () => {
  let server: SMTPServer;
  let connections = 0;
  let received = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onConnect(_session, callback) {
        connections += 1;
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => {
          received += 1;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    // env() parses process.env once, on the first call (made by mailTransport below).
    Object.assign(process.env, {
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      DATABASE_URL: "postgresql://127.0.0.1/x",
      SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`,
      MAIL_FROM: "a@b.test",
      APP_URL: "http://localhost:3000",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
  });
  afterAll(async () => {
    const { closeMailTransport } = await import("./mail-transport.ts");
    closeMailTransport();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("sends one message after another over one pooled connection", async () => {
    const { mailTransport } = await import("./mail-transport.ts");
    for (let i = 0; i < 3; i += 1) {
      await mailTransport().sendMail({ from: "a@b.test", to: "c@d.test", subject: `n${i}`, text: "hello" });
    }
    expect(received).toBe(3);
    expect(connections).toBe(1);
  });
});
