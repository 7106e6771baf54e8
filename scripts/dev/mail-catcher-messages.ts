import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { simpleParser } from "mailparser";
import type { SMTPServerEnvelope } from "smtp-server";

export type CaughtMessage = {
  id: string;
  from: string;
  /** Envelope recipients (RCPT TO), so Bcc recipients are listed too. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
  /** Decoded header values by lowercase name; repeated headers are joined with newlines. */
  headers: Record<string, string>;
};

export type MessageStore = ReturnType<typeof createMessageStore>;

/**
 * Capped, so a catcher left running for days does not grow without bound. In memory, or also in
 * `file` (the demo's web inbox keeps its mail across restarts): read at start, rewritten whole after
 * each change through a temporary file, so a stop mid-write never leaves half a file.
 */
export function createMessageStore(maxMessages: number, file?: string) {
  let messages: CaughtMessage[] = file ? readStoredMessages(file) : [];
  const save = () => {
    if (!file) return;
    writeFileSync(`${file}.tmp`, JSON.stringify(messages), { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
  };
  return {
    add(message: CaughtMessage) {
      messages.push(message);
      if (messages.length > maxMessages) messages = messages.slice(-maxMessages);
      save();
    },
    /** Newest first, as an inbox shows them; `to` matches one recipient address, ignoring case. */
    list(filter: { to?: string } = {}): CaughtMessage[] {
      const wanted = filter.to?.trim().toLowerCase();
      const matching = wanted ? messages.filter((m) => m.to.some((address) => address.toLowerCase() === wanted)) : messages;
      return [...matching].reverse();
    },
    find(id: string): CaughtMessage | undefined {
      return messages.find((m) => m.id === id);
    },
    clear() {
      messages = [];
      save();
    },
  };
}

/** The messages kept in `file`; none when it is missing, and none (with a warning) when it cannot be read. */
function readStoredMessages(file: string): CaughtMessage[] {
  if (!existsSync(file)) return [];
  try {
    const stored = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (Array.isArray(stored)) return stored as CaughtMessage[];
  } catch {
    // Reported below.
  }
  console.error(`[mail-catcher] ${file} could not be read; the inbox starts empty.`);
  return [];
}

export class MessageTooLargeError extends Error {
  /** smtp-server sends this code to the client: 552, exceeded storage allocation. */
  readonly responseCode = 552;
  constructor(maxBytes: number) {
    super(`Message exceeds the ${Math.round(maxBytes / 1024 / 1024)} MB limit`);
  }
}

/**
 * Reads the DATA stream but keeps at most `maxBytes` of it: smtp-server only flags an oversized message,
 * it keeps streaming, and buffering the rest would defeat the limit.
 */
export async function readMessageSource(stream: Readable & { sizeExceeded?: boolean }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let kept = 0;
  for await (const chunk of stream) {
    if (kept <= maxBytes) {
      chunks.push(chunk as Buffer);
      kept += (chunk as Buffer).length;
    }
  }
  if (stream.sizeExceeded || kept > maxBytes) throw new MessageTooLargeError(maxBytes);
  return Buffer.concat(chunks);
}

export async function parseCaughtMessage(source: Buffer, envelope: SMTPServerEnvelope): Promise<CaughtMessage> {
  const parsed = await simpleParser(source);
  const envelopeFrom = envelope.mailFrom ? envelope.mailFrom.address : "";
  return {
    id: randomUUID(),
    from: parsed.from?.text || envelopeFrom,
    to: envelope.rcptTo.map((recipient) => recipient.address),
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: parsed.html || "",
    receivedAt: new Date().toISOString(),
    headers: Object.fromEntries([...parsed.headers].map(([name, value]) => [name, headerValueToString(value)])),
  };
}

/**
 * mailparser decodes each header into a shape that depends on its name (addresses, dates, Content-Type
 * with parameters, List-* entries); the inbox only needs something readable.
 */
function headerValueToString(value: unknown): string {
  if (Array.isArray(value)) return value.map(headerValueToString).join("\n");
  if (typeof value === "string") return value;
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("value" in value && typeof value.value === "string") return value.value;
  }
  return JSON.stringify(value);
}
