// The one nodemailer transport of a process, built from SMTP_URL. Pooled: messages reuse a few open
// SMTP connections instead of a connection, greeting and TLS handshake each; closed on shutdown.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.ts";

let transport: Transporter | undefined;

/** Messages sent at once by one process: the email worker's concurrency, and the pool's connections. */
export const MAIL_POOL_CONNECTIONS = 4;

export function mailTransport(): Transporter {
  if (!transport) {
    const url = new URL(env().SMTP_URL);
    transport = nodemailer.createTransport({
      pool: true,
      // The email worker's concurrency (workers/index.ts): one connection per message in flight.
      maxConnections: MAIL_POOL_CONNECTIONS,
      // Servers often limit messages per connection; a fresh one is opened after this many.
      maxMessages: 100,
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      // A local catcher speaks plain SMTP; production servers are reached over TLS (smtps: or STARTTLS).
      ignoreTLS: url.searchParams.get("tls") === "off",
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }
  return transport;
}

export function closeMailTransport(): void {
  transport?.close();
  transport = undefined;
}
