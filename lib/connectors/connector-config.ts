// A connector's configuration is stored encrypted (it holds secrets: database URLs, webhook
// keys) and is only ever decrypted inside the server, validated again by its type's schema.
import { decryptString, encryptString } from "../crypto.ts";

const PURPOSE = "connector-config";

export function sealConnectorConfig(config: unknown): string {
  return encryptString(JSON.stringify(config), PURPOSE);
}

export function openConnectorConfig(sealed: string): unknown {
  return JSON.parse(decryptString(sealed, PURPOSE));
}

/** The config with every secret replaced, for screens and logs. */
export function redactConnectorConfig(config: unknown, secretPaths: string[][]): unknown {
  const copy = structuredClone(config) as Record<string, unknown>;
  for (const path of secretPaths) {
    let node: Record<string, unknown> | undefined = copy;
    for (const part of path.slice(0, -1)) node = node?.[part] as Record<string, unknown> | undefined;
    const last = path.at(-1);
    if (node && last && node[last] !== undefined) node[last] = "••••••";
  }
  return copy;
}
