import { beforeEach, describe, expect, it, vi } from "vitest";

const config = { DRP_ALLOW_LOOPBACK_CALLBACKS: false };
vi.mock("../env.ts", () => ({ env: () => config }));

const { checkCallbackUrl } = await import("./check-callback-url.ts");
const { DrpError } = await import("./drp-error.ts");

function refusal(value: string): string {
  try {
    checkCallbackUrl(value);
  } catch (error) {
    expect(error).toBeInstanceOf(DrpError);
    expect((error as InstanceType<typeof DrpError>).status).toBe(400);
    return (error as Error).message;
  }
  throw new Error(`${value} was accepted`);
}

describe("an agent's status_callback", () => {
  beforeEach(() => {
    config.DRP_ALLOW_LOOPBACK_CALLBACKS = false;
  });

  it("refuses loopback addresses unless DRP_ALLOW_LOOPBACK_CALLBACKS=true", () => {
    for (const url of ["http://127.0.0.1:8001/update_status", "https://localhost/cb", "http://[::1]:9/cb", "https://127.3.4.5/cb"]) {
      expect(refusal(url)).toMatch(/loopback/);
    }
    config.DRP_ALLOW_LOOPBACK_CALLBACKS = true;
    expect(checkCallbackUrl("http://127.0.0.1:8001/update_status")).toBe("http://127.0.0.1:8001/update_status");
    expect(checkCallbackUrl("http://[::1]:9/cb")).toBe("http://[::1]:9/cb");
  });

  it("wants https elsewhere, a URL, and no credentials, whatever the setting", () => {
    config.DRP_ALLOW_LOOPBACK_CALLBACKS = true;
    expect(refusal("http://agent.example/cb")).toMatch(/https/);
    expect(refusal("not a url")).toMatch(/not a URL/);
    expect(refusal("https://user:pw@agent.example/cb")).toMatch(/credentials/);
    expect(checkCallbackUrl("https://agent.example/cb")).toBe("https://agent.example/cb");
  });
});
