// Renders and sends one outbox message. Idempotent: a message already sent is success.
import { renderEmail } from "../../emails/render-email.ts";
import { decryptString } from "../crypto.ts";
import { db } from "../db.ts";
import { env } from "../env.ts";
import { logger } from "../logger.ts";
import type { Locale } from "../requests/request-input.schema.ts";
import { mailTransport } from "./mail-transport.ts";
import { EMAIL_PROPS_PURPOSE } from "./queue-email.ts";

export function redactSecrets(text: string, secrets: string[]): string {
  return secrets
    .filter((secret) => secret.length >= 4)
    .sort((a, b) => b.length - a.length)
    .reduce((result, secret) => result.split(secret).join("[private]"), text);
}

export async function deliverEmail(emailId: string): Promise<"sent" | "already-sent" | "missing"> {
  // Dates follow the person's country ("December 7, 2026" for a US resident, "7 December 2026" elsewhere):
  // read with the message, in one statement.
  const message = await db().emailMessage.findUnique({ where: { id: emailId }, include: { request: { select: { country: true } } } });
  if (!message) return "missing";
  if (message.status === "SENT") return "already-sent";
  const { props, secrets } = openProps(message);
  const request = message.request;
  const rendered = await renderEmail(
    message.template,
    message.locale as Locale,
    { companyName: env().COMPANY_NAME, ...props },
    request?.country ?? null,
  );
  try {
    const info = await mailTransport().sendMail({
      from: env().MAIL_FROM,
      to: message.to,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: { "X-DSAR-Email-Id": message.id },
    });
    // The sealed props (and so the tokens) are erased; a copy of the text without them is kept
    // as evidence of what the person was told.
    await db().emailMessage.updateMany({
      where: { id: message.id },
      data: {
        status: "SENT",
        sentAt: new Date(),
        attempts: { increment: 1 },
        lastError: null,
        subject: rendered.subject,
        textBody: redactSecrets(rendered.text, secrets),
        providerMessageId: info.messageId ?? null,
        props: {},
      },
    });
    logger.info({ emailId: message.id, template: message.template }, "email sent");
    return "sent";
  } catch (error) {
    await db().emailMessage.update({
      where: { id: message.id },
      data: { attempts: { increment: 1 }, lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error" },
    });
    throw error;
  }
}

/**
 * Props to the person are sealed (they hold private links). Staff notices are written in bulk by SQL
 * (lib/reminders), which cannot seal: they hold no token and none of the person's data, so they are
 * stored plain, and plain props are only ever read for a message addressed to a staff account.
 */
function openProps(message: { id: string; props: unknown; staffUserId: string | null }): {
  props: Record<string, unknown>;
  secrets: string[];
} {
  const stored = message.props as { sealed?: string; plain?: Record<string, unknown> };
  if (stored.plain && message.staffUserId) return { props: stored.plain, secrets: [] };
  if (!stored.sealed) throw new Error(`Email ${message.id} has no content to send`);
  return JSON.parse(decryptString(stored.sealed, EMAIL_PROPS_PURPOSE));
}
