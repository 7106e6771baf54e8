// The address of a company's system, as a connector's config gives it: http(s) only, plain http
// only on this machine (personal data never crosses a network unencrypted), no user name or
// password inside (credentials belong where they are kept secret). Shared by the http and rest
// connectors; each says what to give instead.
import { z } from "zod";

/** Hosts where plain http is acceptable. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function connectorUrl(messages: { example: string; credentials: string }) {
  return z.url({ protocol: /^https?$/, message: messages.example }).superRefine((value, ctx) => {
    // Refinements run even when the URL check failed; that failure is already reported.
    if (!URL.canParse(value)) return;
    const url = new URL(value);
    if (url.protocol === "http:" && !LOOPBACK_HOSTS.has(url.hostname)) {
      ctx.addIssue({ code: "custom", message: `use https; plain http is allowed only for localhost or 127.0.0.1 (got ${url.host})` });
    }
    if (url.username || url.password) ctx.addIssue({ code: "custom", message: messages.credentials });
  });
}
