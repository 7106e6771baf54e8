// What the DRP API (app/api/drp/v1) sends and answers, as the OpenAPI document shows it: the signed
// text body (DRP 3.07), the status object (3.03), the protocol's error (3.06) and the key setup's
// answer (2.05). The handlers verify and read the signed bytes themselves (open-signed-message.ts).
import { z } from "zod";

export const drpSignedBodySchema = z
  .string()
  .describe(
    "base64( Ed25519 signature (64 bytes) || the JSON claims ), libsodium's \"combined mode\", by the agent's trusted key. " +
      "Sent as text/plain (or with no Content-Type); the signature is checked on these exact bytes.",
  )
  .meta({ id: "DrpSignedMessage" });

export const drpStatusSchema = z
  .object({
    request_id: z.string().describe("This business's id of the request (a UUID)."),
    agent_request_id: z.string().optional().describe("The agent's own id, echoed when it sent `agent-request-id`."),
    status: z.enum(["open", "in_progress", "fulfilled", "revoked", "denied", "expired"]),
    reason: z
      .enum([
        "need_user_verification",
        "suspected_fraud",
        "insuf_verification",
        "no_match",
        "claim_not_covered",
        "outside_jurisdiction",
        "too_many_requests",
        "other",
      ])
      .optional(),
    received_at: z.string().describe("ISO 8601 with an offset, e.g. 2026-02-01T10:00:00.000+00:00."),
    expected_by: z.string().optional().describe("The end of the legal due date, from the deadline engine."),
    processing_details: z.string().optional(),
  })
  .meta({ id: "DrpStatus" });

export const drpErrorSchema = z
  .object({
    code: z.string().describe("The HTTP status, as a string."),
    message: z.string().describe("What is wrong, in words."),
    fatal: z.boolean().optional().describe("True when sending the same request again will not help."),
  })
  .meta({ id: "DrpError" });

export const drpTokenSchema = z
  .object({ "agent-id": z.string(), token: z.string().describe("The bearer token for this agent's other calls; stored hashed.") })
  .meta({ id: "DrpAgentToken" });

export const drpAgentInformationSchema = z.object({}).describe("Empty while the token is valid (DRP 2.06).");

export const gpcSupportSchema = z
  .object({ gpc: z.literal(true), lastUpdate: z.iso.date().describe("When this support last changed (YYYY-MM-DD).") })
  .meta({ id: "GpcSupport" });
