// A Data Rights Protocol agent for tests: an Ed25519 key from a fixed seed, signed messages in
// libsodium's combined mode (signature || JSON, base64), and the claims of the envelope.
import { createHash, createPrivateKey, createPublicKey, sign } from "node:crypto";

export type TestAgent = { id: string; verifyKey: string; sign(claims: unknown): string };

export function testAgent(id: string, seedLabel = id): TestAgent {
  const seed = createHash("sha256").update(`drp-test-agent:${seedLabel}`).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed]),
    format: "der",
    type: "pkcs8",
  });
  const x = createPublicKey(privateKey).export({ format: "jwk" }).x as string;
  return {
    id,
    verifyKey: Buffer.from(x, "base64url").toString("base64"),
    sign(claims: unknown) {
      const message = Buffer.from(typeof claims === "string" ? claims : JSON.stringify(claims));
      return Buffer.concat([sign(null, message, privateKey), message]).toString("base64");
    },
  };
}

/** The envelope of a signed request, valid for ten minutes from `now`. */
export function envelope(agentId: string, businessId: string, now: Date, overrides: Record<string, unknown> = {}) {
  return {
    "agent-id": agentId,
    "business-id": businessId,
    "issued-at": now.toISOString(),
    "expires-at": new Date(now.getTime() + 10 * 60_000).toISOString(),
    ...overrides,
  };
}

/** A signed DRP 1.0 access request (`data-rights-request`) for `email`, as an agent files it. */
export function exerciseMessage(agent: TestAgent, businessId: string, email: string, overrides: Record<string, unknown> = {}): string {
  return agent.sign({
    ...envelope(agent.id, businessId, new Date()),
    "drp.version": "1.0",
    exercise: "access",
    regime: "ccpa",
    name: "Doe, Jane",
    email,
    email_verified: true,
    "agent-request-id": crypto.randomUUID(),
    ...overrides,
  });
}
