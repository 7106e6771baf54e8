import { describe, expect, it } from "vitest";
import { authSecretOf } from "./rest/auth-secret.ts";
import { restSecretPaths } from "./rest/config.ts";
import { secretFieldLabel } from "./secret-field-label.ts";

describe("secretFieldLabel", () => {
  it("names each rest auth secret in words, never by its config path", () => {
    expect(restSecretPaths.map((path) => secretFieldLabel(path.join(".")))).toEqual([
      "API token",
      "Password or API token",
      "API key",
      "Client secret",
    ]);
    // Every kind of auth with a secret has its field among the connector's secret paths.
    for (const key of Object.values(authSecretOf)) {
      if (key) expect(restSecretPaths.map((path) => path.join("."))).toContain(`auth.${key}`);
    }
  });

  it("turns an unknown path's last part into words", () => {
    expect(secretFieldLabel("vault.accessKeyId")).toBe("Access key id");
  });
});
