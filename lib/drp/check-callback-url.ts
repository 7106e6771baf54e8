// Where an agent asks for status callbacks (DRP 2.03): an https:// address. http:// to a loopback
// address is accepted only with DRP_ALLOW_LOOPBACK_CALLBACKS=true (an agent on the same machine, in
// tests). The address the name resolves to is checked again when the callback connects.
import { isIP } from "node:net";
import { env } from "../env.ts";
import { DrpError } from "./drp-error.ts";

function isLoopback(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  return bare === "localhost" || bare === "::1" || (isIP(bare) === 4 && bare.startsWith("127."));
}

export function checkCallbackUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DrpError(400, 'The claim "status_callback" is not a URL.', true);
  }
  if (url.username || url.password) throw new DrpError(400, 'The claim "status_callback" must not carry credentials.', true);
  const loopback = isLoopback(url.hostname);
  if (loopback && !env().DRP_ALLOW_LOOPBACK_CALLBACKS) {
    throw new DrpError(400, 'The claim "status_callback" points to a loopback address, which this business does not call.', true);
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new DrpError(400, 'The claim "status_callback" must be an https:// address.', true);
  }
  return url.toString();
}
