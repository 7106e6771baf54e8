// Whose Idempotency-Keys a call to a public route shares. A key means "this call again" only
// within one client's calls, so two clients choosing the same key never see each other's answers.
// A valid API key identifies an integration (its keys then also refuse a second, different body
// with 422); without one, the caller is the client address and the body itself (hashed; a
// different body under the same key is simply another call). A key that is not valid is refused.
import { authenticateApiKey, bearerToken } from "../auth/authenticate-api-key.ts";
import { keyedHash, sha256Hex } from "../crypto.ts";
import { AppError } from "../errors.ts";
import { clientAddress } from "./client-address.ts";

export async function publicIdempotencyScope(request: Request, operation: string, rawBody: string): Promise<string> {
  const token = bearerToken(request.headers);
  if (token !== null) {
    const principal = token ? await authenticateApiKey(token) : null;
    if (!principal) throw new AppError("UNAUTHORIZED", "This API key is not valid; send a valid key or none.");
    return `api-key:${principal.apiKeyId} ${operation}`;
  }
  return `client:${keyedHash("idempotency-client", clientAddress(request.headers))}:${sha256Hex(rawBody)} ${operation}`;
}
