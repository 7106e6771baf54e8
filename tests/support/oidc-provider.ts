// A real OpenID Connect provider for the tests (node-oidc-provider) on a free loopback port: one
// confidential client, PKCE required, test users with their email, verification, groups and the
// authentication methods (`amr`) their sign-in asserts. Its login page is a plain form (email and
// password); consent is implied for the one client. Codes live in this provider's own store, so a
// test can expire them (`expireAuthorizationCodes`) without waiting for the clock.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Adapter, type AdapterPayload } from "oidc-provider";

export type OidcTestUser = {
  email: string;
  password: string;
  emailVerified?: boolean;
  groups?: string[];
  /** RFC 8176 methods asserted at sign-in, e.g. ["pwd", "mfa"]. */
  amr: string[];
};

export type TestOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  addUser(user: OidcTestUser): void;
  /** Makes every authorization code issued so far expired. */
  expireAuthorizationCodes(): void;
  /** Signs in on the provider's login page, as a browser would, from an authorization URL; returns the callback URL. */
  signInForCallback(authorizationUrl: string, user: Pick<OidcTestUser, "email" | "password">): Promise<string>;
  close(): Promise<void>;
};

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestOidcProvider(options: { redirectUri: string; users?: OidcTestUser[] }): Promise<TestOidcProvider> {
  const users = new Map<string, OidcTestUser & { sub: string }>();
  const addUser = (user: OidcTestUser) => users.set(user.email.toLowerCase(), { ...user, sub: randomBytes(8).toString("hex") });
  for (const user of options.users ?? []) addUser(user);
  const bySub = (sub: string) => [...users.values()].find((user) => user.sub === sub);

  const stores = new Map<string, Map<string, AdapterPayload>>();
  const storeOf = (model: string) => {
    let store = stores.get(model);
    if (!store) {
      store = new Map();
      stores.set(model, store);
    }
    return store;
  };
  class TestAdapter implements Adapter {
    constructor(readonly model: string) {}
    async upsert(id: string, payload: AdapterPayload) {
      storeOf(this.model).set(id, { ...payload });
    }
    async find(id: string) {
      return storeOf(this.model).get(id);
    }
    async findByUid(uid: string) {
      return [...storeOf(this.model).values()].find((payload) => payload.uid === uid);
    }
    async findByUserCode(userCode: string) {
      return [...storeOf(this.model).values()].find((payload) => payload.userCode === userCode);
    }
    async consume(id: string) {
      const payload = storeOf(this.model).get(id);
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      storeOf(this.model).delete(id);
    }
    async revokeByGrantId(grantId: string) {
      for (const [id, payload] of storeOf(this.model)) if (payload.grantId === grantId) storeOf(this.model).delete(id);
    }
  }

  const clientId = `portal-${randomBytes(4).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  let provider: Provider | null = null;
  const server = createServer((req, res) => {
    if (!provider) return res.writeHead(503).end();
    if (req.url?.startsWith("/interaction/")) return void interaction(provider, req, res);
    return provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  provider = new Provider(issuer, {
    adapter: TestAdapter,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    cookies: { keys: [randomBytes(32).toString("hex")] },
    pkce: { required: () => true },
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      iss: null,
      sid: null,
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups"],
    },
    features: { devInteractions: { enabled: false }, claimsParameter: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const user = bySub(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: user.email,
          email_verified: user.emailVerified ?? true,
          name: user.email.split("@")[0],
          groups: user.groups ?? [],
        }),
      };
    },
    // The portal is the company's own application: its scopes are granted without a consent page.
    async loadExistingGrant(ctx) {
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });

  async function interaction(current: Provider, req: IncomingMessage, res: ServerResponse) {
    try {
      const details = await current.interactionDetails(req, res);
      if (req.method === "GET") return page(res, details.uid, null);
      const body = new URLSearchParams(await readBody(req));
      const user = users.get(String(body.get("email") ?? "").toLowerCase());
      if (!user || user.password !== body.get("password")) return page(res, details.uid, "Wrong email or password.");
      await current.interactionFinished(req, res, { login: { accountId: user.sub, amr: user.amr } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(400, { "content-type": "text/plain" }).end(`interaction failed: ${(error as Error).message}`);
    }
  }

  function page(res: ServerResponse, uid: string, error: string | null) {
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head>
<body><h1>Test identity provider</h1>${error ? `<p role="alert">${esc(error)}</p>` : ""}
<form method="post" action="/interaction/${esc(uid)}">
<label>Email <input name="email" type="email"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Continue</button></form></body></html>`);
  }

  return {
    issuer,
    clientId,
    clientSecret,
    addUser,
    expireAuthorizationCodes() {
      const past = Math.floor(Date.now() / 1000) - 60;
      for (const payload of storeOf("AuthorizationCode").values()) payload.exp = past;
    },
    async signInForCallback(authorizationUrl, user) {
      const jar = new Map<string, string>();
      const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
      const remember = (response: Response) => {
        for (const line of response.headers.getSetCookie()) {
          const [pair] = line.split(";");
          const at = pair.indexOf("=");
          jar.set(pair.slice(0, at), pair.slice(at + 1));
        }
      };
      let url = authorizationUrl;
      let method = "GET";
      let body: string | undefined;
      for (let hop = 0; hop < 10; hop += 1) {
        if (url.startsWith(options.redirectUri)) return url;
        const response = await fetch(url, {
          method,
          body,
          redirect: "manual",
          headers: { cookie: cookieHeader(), ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
        });
        remember(response);
        const location = response.headers.get("location");
        if (location) {
          url = new URL(location, url).toString();
          method = "GET";
          body = undefined;
          continue;
        }
        const html = await response.text();
        const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
        if (!action || method === "POST") throw new Error(`the test provider did not sign in (${response.status}): ${html.slice(0, 200)}`);
        url = new URL(action.replace(/&#47;/g, "/"), url).toString();
        method = "POST";
        body = new URLSearchParams({ email: user.email, password: user.password }).toString();
      }
      throw new Error("the test provider redirected too many times");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}
