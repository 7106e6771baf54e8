// Which secret fields the form shows for the config being written.
import { parse } from "yaml";
import type { SecretField } from "@/lib/connectors/connector-secrets.ts";
import { authSecretOf } from "@/lib/connectors/rest/auth-secret.ts";

/**
 * A rest connector's secret fields for the auth kind its config names (a bearer token, a basic
 * password, …); every field when the kind cannot be read yet. Other types keep all theirs.
 */
export function visibleSecrets(type: string, configText: string, secrets: SecretField[]): SecretField[] {
  if (type !== "rest") return secrets;
  let kind: unknown;
  try {
    kind = (parse(configText) as { auth?: { type?: unknown } } | null)?.auth?.type;
  } catch {
    return secrets;
  }
  if (typeof kind !== "string" || !Object.hasOwn(authSecretOf, kind)) return secrets;
  const own = authSecretOf[kind];
  // Each kind has its own secret, optional only because the other kinds do not need it.
  return secrets
    .filter((secret) => !secret.name.startsWith("auth.") || secret.name === `auth.${own}`)
    .map((secret) => (secret.name === `auth.${own}` ? { ...secret, optional: false } : secret));
}
