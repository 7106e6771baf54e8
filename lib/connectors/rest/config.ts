// The `rest` connector's configuration: a SaaS tool described by its API instead of code. How to
// authenticate, how to find the person, which objects to read per category, how to erase and
// rectify them, and how gently to call. Validated when a connectors file is read (each problem at
// its path, so at its line) and again each time a task runs.
import { z } from "zod";
import { connectorUrl } from "../http/connector-url.ts";
import { extraHeaders, headerName } from "../http/extra-headers.ts";
import { authSecretOf } from "./auth-secret.ts";
import { isValidPath } from "./json-path.ts";
import { templateVariables, templateVariablesIn } from "./template.ts";

const RESERVED_HEADERS = ["authorization", "content-type", "content-length", "host", "cookie"];

const baseUrl = connectorUrl({
  example: "give the API's address, e.g. https://api.example.com",
  credentials: "must not contain a user name or password; use auth",
}).superRefine((value, ctx) => {
  if (URL.canParse(value) && (new URL(value).search || new URL(value).hash)) {
    ctx.addIssue({ code: "custom", message: "must not contain a query or fragment; put parameters in each request's query" });
  }
});

const path = () => z.string().trim().refine(isValidPath, "a dotted path such as data, results[0].id or paging.next.after");

const headers = extraHeaders(RESERVED_HEADERS, "; use auth (its secret is write-only and encrypted)");

const GIVE_SECRET = "give the value (it is stored encrypted and never shown again)";
const secret = () => z.string({ error: GIVE_SECRET }).min(1, GIVE_SECRET).max(4000);

/** Secrets of the other kinds of auth are dropped: a kind changed on the form leaves the old one stored. */
const secretKeys = Object.values(authSecretOf).filter((key) => key !== null);

const authSchema = z.preprocess(
  (input) => {
    if (!input || typeof input !== "object" || Array.isArray(input)) return input;
    const kind = (input as { type?: unknown }).type;
    if (typeof kind !== "string" || !Object.hasOwn(authSecretOf, kind)) return input;
    return Object.fromEntries(Object.entries(input).filter(([key]) => !secretKeys.includes(key) || key === authSecretOf[kind]));
  },
  z.discriminatedUnion(
    "type",
    [
      z.strictObject({ type: z.literal("none") }),
      z.strictObject({ type: z.literal("bearer"), token: secret() }),
      z.strictObject({ type: z.literal("basic"), username: z.string().min(1).max(500), password: secret() }),
      z.strictObject({ type: z.literal("apiKey"), header: headerName, value: secret() }),
      z.strictObject({
        type: z.literal("oauth2"),
        tokenUrl: baseUrl,
        clientId: z.string().min(1).max(500),
        clientSecret: secret(),
        scope: z.string().max(2000).optional(),
        audience: z.string().max(2000).optional(),
        /** How the client authenticates to the token endpoint (RFC 6749 2.3.1). */
        clientAuthentication: z.enum(["body", "basic"]).default("body"),
      }),
    ],
    { error: () => "one of none, bearer, basic, apiKey, oauth2" },
  ),
);

const requestSchema = z.strictObject({
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"], { error: "one of GET, POST, PUT, PATCH, DELETE" }).default("GET"),
  path: z.string().regex(/^\/[^?#\s]*$/, "starts with / and holds no query (put parameters in query), e.g. /v1/customers/{id}"),
  query: z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]).transform(String)).optional(),
  /** A JSON template (strings may hold {email}, {id}, …). */
  body: z.unknown().optional(),
  /** `form` sends application/x-www-form-urlencoded (nested objects as a[b]=…), as Stripe expects. */
  bodyFormat: z.enum(["json", "form"]).optional(),
  /** In erase steps: a 404 means this was done before (true by default for DELETE), so a retry goes on. */
  notFoundIsDone: z.boolean().optional(),
});

const where = z.enum(["query", "body"]).default("query");

const paginationSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("none") }),
    z
      .strictObject({
        type: z.literal("cursor"),
        /** The parameter the next cursor goes to. */
        param: z.string().min(1),
        in: where,
        /** Where the answer gives the next cursor (`meta.next_cursor`, `paging.next.after`)... */
        cursorPath: path().optional(),
        /** ...or the field of the page's last item that is the cursor (Stripe's starting_after = last id). */
        lastItemField: path().optional(),
        /** A boolean saying whether more pages follow (Stripe's has_more). */
        hasMorePath: path().optional(),
        limitParam: z.string().min(1).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .refine((p) => (p.cursorPath === undefined) !== (p.lastItemField === undefined), {
        message:
          "give either cursorPath (where the answer gives the next cursor) or lastItemField (the last item's field that is the cursor)",
        path: ["cursorPath"],
      }),
    z.strictObject({
      type: z.literal("offset"),
      offsetParam: z.string().min(1).default("offset"),
      limitParam: z.string().min(1).default("limit"),
      limit: z.number().int().min(1).max(10_000).default(100),
      in: where,
      /** The total number of items, when the answer gives it. */
      totalPath: path().optional(),
    }),
    z.strictObject({
      type: z.literal("page"),
      pageParam: z.string().min(1).default("page"),
      sizeParam: z.string().min(1).optional(),
      size: z.number().int().min(1).max(10_000).optional(),
      firstPage: z.number().int().min(0).max(1).default(1),
      in: where,
      totalPagesPath: path().optional(),
    }),
    /** RFC 8288: `Link: <…>; rel="next"`. */
    z.strictObject({ type: z.literal("link") }),
    /** The answer gives the next page's full address (Zendesk's next_page, HubSpot's paging.next.link). */
    z.strictObject({ type: z.literal("nextUrl"), nextUrlPath: path() }),
  ],
  { error: () => "one of none, cursor, offset, page, link, nextUrl" },
);

const listingShape = {
  request: requestSchema,
  /** Where the list is in the answer (`data`, `results`); empty for an answer that is the list itself. */
  results: path().default(""),
  pagination: paginationSchema.default({ type: "none" }),
};

const category = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,62}$/, "a short name such as customer or charges");

const findSchema = z.strictObject({
  ...listingShape,
  /** The category the person's own record is filed under in the package. */
  category: category.default("person"),
  idField: path().default("id"),
  /** Compared with the verified email (exactly, ignoring case) on every result: a fuzzy search never returns someone else. */
  emailField: path(),
  /** When staff confirmed an account number, results must carry it here too (it narrows, never widens). */
  accountIdField: path().optional(),
  /**
   * Where an erasure also looks when the find returns nobody: records it deleted but did not finish
   * (Zendesk's soft-deleted users, out of search until permanently deleted), so a retry after a
   * failure between the two deletes finishes the job. Results are checked like the find's.
   */
  unfinishedErasures: z.strictObject(listingShape).optional(),
});

const objectSchema = z.strictObject({ category, ...listingShape });

const eraseSchema = z.union([
  z.strictObject({
    category,
    retain: z.string().trim().min(3, "say why the data is kept, e.g. Invoices are kept 10 years as tax law requires").max(500),
  }),
  z.strictObject({
    category,
    /** Whose objects: the person found (default), or each object of a category listed in `objects`. */
    of: category.optional(),
    /** Run in order on each object; a DELETE answering 404 counts as already done. */
    requests: z.array(requestSchema).min(1, "at least one request"),
    /** How the receipt calls it; by default delete when every request is a DELETE, else mask. */
    strategy: z.enum(["delete", "mask"]).optional(),
  }),
]);

const rectifySchema = z.strictObject({
  request: requestSchema,
  /** Form field (fullName, email, phone, …) → the API field it goes to, as a dotted path in the body. */
  fields: z.record(z.string().min(1), path()).refine((map) => Object.keys(map).length > 0, "map at least one form field"),
});

export const restConfigSchema = z
  .strictObject({
    baseUrl,
    auth: authSchema,
    headers: headers.optional(),
    bodyFormat: z.enum(["json", "form"]).default("json"),
    timeoutSeconds: z.number().int().min(1).max(300).default(30),
    /** At most this many calls per second from each worker process. */
    requestsPerSecond: z.number().min(0.1).max(1000).optional(),
    retries: z
      .strictObject({
        /** Further tries after a 5xx answer or a network error, with backoff. */
        max: z.number().int().min(0).max(10).default(3),
        baseDelayMs: z.number().int().min(0).max(60_000).default(500),
      })
      .default({ max: 3, baseDelayMs: 500 }),
    rateLimit: z
      .strictObject({
        /** The longest Retry-After the connector waits for; a longer one fails the attempt (the task is retried later). */
        maxWaitSeconds: z.number().int().min(1).max(3600).default(60),
        /** How many 429 answers in a row it waits through. */
        maxWaits: z.number().int().min(0).max(50).default(5),
      })
      .default({ maxWaitSeconds: 60, maxWaits: 5 }),
    /** The most pages read from one list; more fails the task rather than reading forever. */
    maxPages: z.number().int().min(1).max(100_000).default(100),
    find: findSchema,
    objects: z.array(objectSchema).default([]),
    erase: z.array(eraseSchema).default([]),
    rectify: rectifySchema.optional(),
    /** What "Test" calls (no personal data); by default the find request with an address that cannot exist. */
    test: requestSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const categories = new Set([config.find.category]);
    config.objects.forEach((object, i) => {
      if (categories.has(object.category)) {
        ctx.addIssue({ code: "custom", path: ["objects", i, "category"], message: `category "${object.category}" is used twice` });
      }
      categories.add(object.category);
    });
    const identity = ["email", "accountId"];
    const person = [...identity, "id"];
    checkVariables(ctx, ["find", "request"], config.find.request, identity, "find runs before the person's id is known");
    if (config.find.unfinishedErasures) {
      checkVariables(
        ctx,
        ["find", "unfinishedErasures", "request"],
        config.find.unfinishedErasures.request,
        identity,
        "find runs before the person's id is known",
      );
    }
    if (config.test) checkVariables(ctx, ["test"], config.test, identity, "the test uses no person");
    config.objects.forEach((object, i) => {
      checkVariables(ctx, ["objects", i, "request"], object.request, person);
    });
    config.erase.forEach((step, i) => {
      if (!categories.has(step.category) && !("of" in step && step.of)) {
        ctx.addIssue({
          code: "custom",
          path: ["erase", i, "category"],
          message: `category "${step.category}" is neither find.category nor one of objects (${[...categories].join(", ")})`,
        });
      }
      if (!("requests" in step)) return;
      if (step.of && !config.objects.some((object) => object.category === step.of)) {
        ctx.addIssue({ code: "custom", path: ["erase", i, "of"], message: `"${step.of}" is not a category of objects` });
      }
      step.requests.forEach((request, j) => {
        const perObject = (step.of ?? step.category) !== config.find.category;
        checkVariables(ctx, ["erase", i, "requests", j], request, perObject ? [...person, "item.*"] : person);
      });
    });
    if (config.rectify) checkVariables(ctx, ["rectify", "request"], config.rectify.request, person);
  });

function checkVariables(
  ctx: z.RefinementCtx,
  at: Array<string | number>,
  request: z.infer<typeof requestSchema>,
  allowed: string[],
  why?: string,
) {
  const places: Array<[string, string[]]> = [
    ["path", templateVariables(request.path)],
    ["query", templateVariablesIn(request.query ?? {})],
    ["body", templateVariablesIn(request.body)],
  ];
  for (const [place, names] of places) {
    for (const name of names) {
      const ok = allowed.includes(name) || (name.startsWith("item.") && allowed.includes("item.*") && isValidPath(name.slice(5)));
      if (ok) continue;
      const hint = name.startsWith("item.")
        ? "{item.…} is for erase requests on the objects of a category"
        : (why ?? `use ${allowed.map((a) => `{${a}}`).join(", ")}`);
      ctx.addIssue({ code: "custom", path: [...at, place], message: `{${name}} is not available here (${hint})` });
    }
  }
}

export type RestConfig = z.infer<typeof restConfigSchema>;
export type RestRequest = z.infer<typeof requestSchema>;
export type RestPagination = z.infer<typeof paginationSchema>;
export type RestListing = { request: RestRequest; results: string; pagination: RestPagination };
export type RestAuth = RestConfig["auth"];

export const restSecretPaths = [
  ["auth", "token"],
  ["auth", "password"],
  ["auth", "value"],
  ["auth", "clientSecret"],
];
