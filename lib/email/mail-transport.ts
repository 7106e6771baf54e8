// The one nodemailer transport of a process, built from SMTP_URL.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.ts";

let transport: Transporter | undefined;

export function mailTransport(): Transporter {
  if (!transport) {
    const url = new URL(env().SMTP_URL);
    transport = nodemailer.createTransport({
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
