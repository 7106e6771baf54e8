// The `http` connector's configuration: where the company's system listens and the key both sides
// sign with. Validated when a connectors file is read and again each time a task runs.
import { z } from "zod";
import { connectorUrl } from "./connector-url.ts";
import { extraHeaders } from "./extra-headers.ts";

/**
 * Headers the portal sets itself. Authorization is refused too: extra headers are not secrets (they
 * are shown on screens and in logs), so they must not carry credentials; the signature authenticates.
 */
const RESERVED_HEADERS = ["authorization", "content-type", "content-length", "host", "x-dsar-timestamp", "x-dsar-signature"];

const endpointUrl = connectorUrl({
  example: "give the full address of the endpoint, e.g. https://crm.example.com/dsar",
  credentials: "must not contain a user name or password; requests are authenticated by their signature",
});

const headers = extraHeaders(RESERVED_HEADERS, ", and requests are authenticated by X-DSAR-Signature");

export const httpConfigSchema = z
  .object({
    url: endpointUrl,
    secret: z.string().min(32, "at least 32 characters, shared with the system (e.g. openssl rand -hex 32)").max(1000),
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
    callbackWaitMinutes: z.number().int().min(1, "between 1 and 10080 (one week)").max(10080, "between 1 and 10080 (one week)").default(60),
    headers: headers.optional(),
  })
  .strict();

export type HttpConfig = z.infer<typeof httpConfigSchema>;

export const httpSecretPaths = [["secret"]];
