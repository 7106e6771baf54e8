// Turns what openid-client throws while checking the provider's answer into a refusal reason.
// Anything not recognised is "token-invalid": refused, never a server error.
import * as oidc from "openid-client";
import type { SsoRefusalReason } from "./sso-refusal.ts";

type Detail = { message?: unknown; cause?: { claim?: unknown } };

export function classifySsoError(error: unknown): SsoRefusalReason {
  if (error instanceof oidc.AuthorizationResponseError) return "provider-refused";
  if (error instanceof oidc.ResponseBodyError) return error.error === "invalid_grant" ? "code-rejected" : "provider-refused";
  if (error instanceof oidc.ClientError) {
    const detail = (error.cause ?? {}) as Detail;
    const message = typeof detail.message === "string" ? detail.message : "";
    const claim = detail.cause?.claim;
    if (claim === "nonce") return "nonce-mismatch";
    if (claim === "iss" || message.includes('"iss" (issuer)')) return "issuer-mismatch";
    if (error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM" || error.code === "OAUTH_RESPONSE_IS_NOT_JSON") return "provider-unreachable";
    return "token-invalid";
  }
  // fetch() failures (refused connection, time-out) surface as TypeError or an AbortError.
  if (error instanceof TypeError || (error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError"))) {
    return "provider-unreachable";
  }
  return "token-invalid";
}
