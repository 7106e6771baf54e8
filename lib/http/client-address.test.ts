import { beforeEach, describe, expect, it, vi } from "vitest";

const config = { TRUST_PROXY: false, TRUST_PROXY_HOPS: 1 };
vi.mock("../env.ts", () => ({ env: () => config }));

const { clientAddress, resolveClientAddress, SOCKET_ADDRESS_HEADER, trustSocketAddressHeader } = await import("./client-address.ts");

const mark = Symbol.for("dsar.socketAddressHeader");
const socket = () => "198.51.100.7";

describe("resolveClientAddress", () => {
  it("uses the socket address without a trusted proxy, whatever X-Forwarded-For says", () => {
    for (const forwardedFor of [null, "", "203.0.113.1", "203.0.113.1, 10.0.0.2"]) {
      expect(resolveClientAddress({ socketAddress: socket, forwardedFor, trustProxy: false, hops: 1 })).toBe("198.51.100.7");
    }
  });

  it("behind one trusted proxy takes the entry that proxy appended (the rightmost)", () => {
    const at = (forwardedFor: string | null) => resolveClientAddress({ socketAddress: socket, forwardedFor, trustProxy: true, hops: 1 });
    expect(at("203.0.113.1")).toBe("203.0.113.1");
    expect(at("6.6.6.6, 203.0.113.1")).toBe("203.0.113.1");
    expect(at(" 6.6.6.6 ,, 203.0.113.1 ")).toBe("203.0.113.1");
    expect(at(null)).toBe("198.51.100.7");
    expect(at(" , ")).toBe("198.51.100.7");
  });

  it("behind TRUST_PROXY_HOPS proxies takes the entry that many from the right", () => {
    const at = (forwardedFor: string, hops: number) =>
      resolveClientAddress({ socketAddress: socket, forwardedFor, trustProxy: true, hops });
    expect(at("6.6.6.6, 203.0.113.1, 10.0.0.2", 2)).toBe("203.0.113.1");
    expect(at("6.6.6.6, 203.0.113.1, 10.0.0.2, 10.0.0.3", 3)).toBe("203.0.113.1");
    // Fewer entries than proxies: the furthest our proxies report.
    expect(at("203.0.113.1", 3)).toBe("203.0.113.1");
  });
});

describe("clientAddress", () => {
  beforeEach(() => {
    Object.assign(config, { TRUST_PROXY: false, TRUST_PROXY_HOPS: 1 });
    delete (globalThis as Record<symbol, unknown>)[mark];
  });
  const headers = (values: Record<string, string>) => new Headers(values);

  it("takes the socket address from the web server's header, not from a client's X-Forwarded-For", () => {
    trustSocketAddressHeader();
    const spoofed = headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "6.6.6.6" });
    expect(clientAddress(spoofed)).toBe("198.51.100.7");
    // Each call with another X-Forwarded-For is still the same caller.
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "7.7.7.7" }))).toBe("198.51.100.7");
  });

  it("believes the socket header only when the web server set it: otherwise every caller is unknown", () => {
    expect(clientAddress(headers({ [SOCKET_ADDRESS_HEADER]: "203.0.113.50", "x-forwarded-for": "6.6.6.6" }))).toBe("unknown");
  });

  it("reads X-Forwarded-For from the right when TRUST_PROXY is set", () => {
    trustSocketAddressHeader();
    Object.assign(config, { TRUST_PROXY: true, TRUST_PROXY_HOPS: 2 });
    const proxied = headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.3", "x-forwarded-for": "6.6.6.6, 203.0.113.1, 10.0.0.2" });
    expect(clientAddress(proxied)).toBe("203.0.113.1");
  });
});
