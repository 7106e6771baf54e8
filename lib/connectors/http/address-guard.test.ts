// The address guard of the http connector: which addresses are internal, what
// CONNECTOR_ALLOWED_HOSTS lets through, and that the check happens on every address a name
// resolves to, when the socket connects (name resolution is replaced here by a table of answers).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.APP_URL = "http://127.0.0.1:3000";
  process.env.DATABASE_URL = "postgresql://127.0.0.1/x";
  process.env.SMTP_URL = "smtp://127.0.0.1:1025";
  process.env.MAIL_FROM = "a@b.test";
  process.env.REDIS_URL = "redis://127.0.0.1:6379";
  process.env.ENCRYPTION_KEY = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  process.env.CONNECTOR_ALLOWED_HOSTS = "crm.internal,10.9.0.0/16";
});

/** What each name resolves to, call after call (the last answer repeats). */
const answers = vi.hoisted(() => new Map<string, string[][]>());
const lookups = vi.hoisted(() => ({ count: 0 }));

vi.mock("node:dns", async (original) => {
  const real = await original<typeof import("node:dns")>();
  const lookup = (hostname: string, options: unknown, callback: (...args: unknown[]) => void) => {
    const planned = answers.get(hostname);
    if (!planned) return void callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), []);
    lookups.count++;
    const addresses = planned.length > 1 ? (planned.shift() as string[]) : planned[0];
    const all = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    if ((options as { all?: boolean }).all) callback(null, all);
    else callback(null, all[0].address, all[0].family);
  };
  return { ...real, default: { ...real, lookup }, lookup };
});

const { allowedHosts, checkedLookup, isAllowedHostEntry, refusedKind } = await import("./address-guard.ts");
const { postSigned } = await import("./client.ts");
const { httpConfigSchema } = await import("./config.ts");

let server: Server;
let port = 0;
let calls = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  answers.clear();
  lookups.count = 0;
  calls = 0;
});

function call(host: string) {
  // Plain http to a name is refused by the config schema, so these go to an https URL on the same port:
  // the guard decides before TLS starts, and an allowed call fails at TLS, after connecting.
  const config = httpConfigSchema.parse({ url: `https://${host}:${port}/dsar`, secret: "s".repeat(32), timeoutSeconds: 2 });
  return postSigned(config, { action: "test" });
}

describe("which addresses are internal", () => {
  const none = allowedHosts([]);
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.0.10", "private"],
    ["100.64.0.1", "private"],
    ["fd12:3456::1", "private"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["0:0:0:0:0:ffff:a00:1", "private"],
    ["::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["224.0.0.1", "multicast or reserved"],
    ["255.255.255.255", "multicast or reserved"],
  ])("%s is %s", (address, kind) => {
    expect(refusedKind(address, none)).toBe(kind);
  });

  it.each(["93.184.216.34", "172.32.0.1", "2606:4700::1111", "::ffff:93.184.216.34", "8.8.8.8"])("%s is public", (address) => {
    expect(refusedKind(address, none)).toBeNull();
  });

  it("lets through addresses and ranges that CONNECTOR_ALLOWED_HOSTS lists, and nothing else", () => {
    const allowed = allowedHosts(["10.9.0.0/16", "127.0.0.1", "fd00::/8"]);
    expect(refusedKind("10.9.4.4", allowed)).toBeNull();
    expect(refusedKind("::ffff:10.9.4.4", allowed)).toBeNull();
    expect(refusedKind("127.0.0.1", allowed)).toBeNull();
    expect(refusedKind("fd00::5", allowed)).toBeNull();
    expect(refusedKind("10.8.4.4", allowed)).toBe("private");
    expect(refusedKind("127.0.0.2", allowed)).toBe("loopback");
  });

  it("accepts names, addresses and ranges as entries, nothing else", () => {
    for (const entry of ["crm.internal", "CRM.Example.com.", "10.0.0.1", "::1", "[::1]", "10.0.0.0/8", "fd00::/8"])
      expect(isAllowedHostEntry(entry), entry).toBe(true);
    for (const entry of ["http://crm", "crm internal", "10.0.0.0/33", "::/129", "a/b", "10.0.0.0/8/1", "-crm"])
      expect(isAllowedHostEntry(entry), entry).toBe(false);
  });
});

describe("the lookup the connection uses", () => {
  it("refuses a name when any of its addresses is internal", async () => {
    answers.set("mixed.example", [["93.184.216.34", "10.0.0.7"]]);
    await expect(call("mixed.example")).rejects.toThrow(
      "Refused to call https://mixed.example:" + port + "/dsar: mixed.example is or resolves to a private address",
    );
    expect(calls).toBe(0);
  });

  it("refuses a name that resolves to an IPv4-mapped loopback address", async () => {
    answers.set("mapped.example", [["::ffff:127.0.0.1"]]);
    await expect(call("mapped.example")).rejects.toThrow(/resolves to a loopback address/);
    expect(calls).toBe(0);
  });

  it("checks the answer the socket connects with, so a name that turns internal after a first check (DNS rebinding) is refused", async () => {
    // First answer public, every later one loopback: any check made on a separate, earlier lookup would pass.
    answers.set("rebind.example", [["93.184.216.34"], ["127.0.0.1"]]);
    const lookup = checkedLookup(allowedHosts([]));
    await new Promise<void>((resolve) => lookup("rebind.example", {}, () => resolve())); // the first, public answer
    await expect(call("rebind.example")).rejects.toThrow(/resolves to a loopback address/);
    expect(lookups.count).toBe(2);
    expect(calls).toBe(0);
  });

  it("connects to a name CONNECTOR_ALLOWED_HOSTS lists, whatever it resolves to", async () => {
    answers.set("crm.internal", [["127.0.0.1"]]);
    // The test system speaks plain http on that port, so TLS fails: after the guard let the connection through.
    await expect(call("crm.internal")).rejects.toThrow(/^Could not reach https:\/\/crm\.internal:\d+\/dsar: /);
    expect(lookups.count).toBe(1);
  });

  it("answers as dns.lookup does, one address or all of them", async () => {
    answers.set("public.example", [["93.184.216.34", "2606:4700::1111"]]);
    const lookup = checkedLookup(allowedHosts([]));
    const one = await new Promise((resolve) =>
      lookup("public.example", {}, (error, address, family) => resolve({ error, address, family })),
    );
    expect(one).toEqual({ error: null, address: "93.184.216.34", family: 4 });
    const all = await new Promise((resolve) =>
      lookup("public.example", { all: true }, (error, addresses) => resolve({ error, addresses })),
    );
    expect(all).toEqual({
      error: null,
      addresses: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    });
  });
});
