// What the public endpoints answer, for the OpenAPI document (their request bodies are the
// schemas their handlers parse: lib/requests/request-input.schema.ts, lib/connectors/http).
import { z } from "zod";
import { accessResultSchema, eraseResultSchema, rectifyResultSchema } from "../connectors/http/protocol.ts";

export const submittedSchema = z
  .object({ reference: z.string().meta({ examples: ["DSR-7K3M-Q9PX"] }), status: z.literal("submitted") })
  .meta({ id: "Submitted", description: "The same answer whether or not the address is already known." });

export const verifiedSchema = z.object({ reference: z.string(), status: z.literal("verified") }).meta({ id: "Verified" });

export const healthSchema = z
  .object({ database: z.enum(["ok", "unavailable"]), queue: z.enum(["ok", "unavailable"]) })
  .meta({ id: "Health" });

/** A connector's late answer: the same shapes as a synchronous 200 (see lib/connectors/http/index.ts). */
export const connectorCallbackBodySchema = z
  .union([accessResultSchema, eraseResultSchema, rectifyResultSchema])
  .meta({ description: "access/portability: records; erasure: affected and details; rectification: applied and unmapped." });

export const callbackAcceptedSchema = z.object({ status: z.enum(["accepted", "already-done"]) }).meta({ id: "CallbackAccepted" });

export const evidenceKeySchema = z
  .object({
    algorithm: z.literal("Ed25519"),
    publicKey: z.string().describe("The raw 32-byte public key, base64."),
    pem: z.string().describe("The same key as a PEM (SPKI) block."),
    keyId: z.string().describe("The first 16 hex digits of the key's SHA-256, as evidence bundles name it."),
  })
  .meta({ id: "EvidenceKey" });
