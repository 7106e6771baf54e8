// Every operation of /api/v1, as data: the OpenAPI document is generated from this table, and the
// staff routes are built from their entry (staff-api-route.ts), so the document cannot describe a
// schema or a permission the handler does not use. A unit test checks every route file has one.
import { z } from "zod";
import type { Permission } from "../auth/permissions.ts";
import { processingRecordQuerySchema } from "../data-map/processing-record-query.ts";
import {
  drpAgentInformationSchema,
  drpErrorSchema,
  drpSignedBodySchema,
  drpStatusSchema,
  drpTokenSchema,
  gpcSupportSchema,
} from "../drp/drp-api.schema.ts";
import { optOutRecordedSchema, recordOptOutSchema } from "../opt-outs/opt-out-input.schema.ts";
import { metricsQueryFields, registerQueryFields } from "../reports/report-query.ts";
import { createRequestSchema, verifyCodeSchema } from "../requests/request-input.schema.ts";
import {
  callbackAcceptedSchema,
  connectorCallbackBodySchema,
  evidenceKeySchema,
  healthSchema,
  submittedSchema,
  verifiedSchema,
} from "./public-api.schema.ts";
import {
  approveBodySchema,
  assignBodySchema,
  closeBodySchema,
  confirmAccountIdBodySchema,
  denyBodySchema,
  extendBodySchema,
  listRequestsQuerySchema,
  requestInformationBodySchema,
} from "./staff-api.schema.ts";
import {
  actionResultSchema,
  approveResultSchema,
  closeResultSchema,
  confirmAccountIdResultSchema,
  denyResultSchema,
  extendResultSchema,
  requestDetailSchema,
  requestInformationResultSchema,
  requestListSchema,
} from "./staff-api-responses.schema.ts";

export type ApiAuth =
  /** Authorization: Bearer <API key>, whose role must grant the permission. */
  | { kind: "apiKey"; permission: Permission }
  /** Open to anyone (rate-limited where it matters). */
  | { kind: "none" }
  /** Signed with the connector's shared secret (X-DSAR-Timestamp, X-DSAR-Signature). */
  | { kind: "signature" }
  /** A trusted DRP agent: the bearer token from its key setup (and, where there is a body, its signature). */
  | { kind: "drpAgent" };

export type ApiOperation = {
  operationId: string;
  method: "get" | "post" | "delete";
  /** Below /api/v1 (or `server`), with {name} for each dynamic segment. */
  path: `/${string}`;
  /** Served below another base than /api/v1: the DRP API (/api/drp) or the site's root (/). */
  server?: "/api/drp" | "/";
  tag: "Requests" | "Staff" | "Reports" | "Downloads" | "Connectors" | "System" | "Data Rights Protocol";
  summary: string;
  description?: string;
  auth: ApiAuth;
  pathParams?: Readonly<Record<string, { description: string; pattern?: string; example?: string }>>;
  query?: z.ZodObject;
  headers?: ReadonlyArray<{ name: string; description: string; required?: boolean }>;
  body?: { schema: z.ZodType; required: boolean; contentType?: "text/plain" };
  /** Accepts an Idempotency-Key header (a retry returns the first answer). */
  idempotent?: boolean;
  /** A JSON answer has a schema; a file names its content types. */
  success: { status: number; description: string; schema?: z.ZodType; contentTypes?: readonly string[] };
  /** Statuses answered with the error shape (lib/http/api-response.ts), or `errorSchema`'s. */
  errors: readonly number[];
  /** Another error shape than the API's own: the DRP error (DRP 3.06). */
  errorSchema?: z.ZodType;
  /** Error statuses answered with no body at all. */
  emptyErrors?: readonly number[];
  /** Other answers that are not the error shape. */
  otherResponses?: Readonly<Record<number, { description: string; schema: z.ZodType }>>;
};

const referenceParam = {
  reference: {
    description: "The request's reference (any letter case).",
    pattern: "^[Dd][Ss][Rr]-[0-9A-Za-z]{4}-[0-9A-Za-z]{4}$",
    example: "DSR-7K3M-Q9PX",
  },
} as const;

const decide = { kind: "apiKey", permission: "requests.decide" } as const;
const actionErrors = [400, 401, 403, 404, 409, 413, 415, 422] as const;

export const operations = {
  recordOptOut: {
    operationId: "recordOptOut",
    method: "post",
    path: "/opt-outs",
    tag: "Requests",
    summary: "Record an opt-out relayed by the company's site (Global Privacy Control or an opt-out link)",
    description:
      "Files an `opt_out` request with channel `gpc` or `link`: no verification step (the law asks none for opt-outs), approved at " +
      "once and carried out in every source that has an opt-out action. Repeats for the same person within the merge window " +
      "(OPT_OUT_MERGE_WINDOW_HOURS) answer the request already made, with `merged: true`; two concurrent calls make one request. " +
      "Needs an API key of the `integration` role (it can do nothing else). Rate-limited per key.",
    auth: { kind: "apiKey", permission: "optOuts.record" },
    body: { schema: recordOptOutSchema, required: true },
    idempotent: true,
    success: { status: 202, description: "Recorded (or merged into a recent opt-out of the same person).", schema: optOutRecordedSchema },
    errors: [400, 401, 403, 409, 413, 415, 422, 429],
  },
  createRequest: {
    operationId: "createRequest",
    method: "post",
    path: "/requests",
    tag: "Requests",
    summary: "File a request for one right",
    description:
      "The person receives an email with a link and a 6-digit code to prove the address. Rate-limited per client address and per email address.\n\n" +
      "An Idempotency-Key is scoped to its caller, so two clients choosing the same key never see each other's answer. An integration " +
      "that sends its API key (`Authorization: Bearer …`, any role; an invalid key is refused with 401) has its own keys, and a key " +
      "reused with another body is refused (422). Without an API key the caller is its network address together with the body: a " +
      "retry must send the same body, and another body under the same key is simply another call.\n\n" +
      "A rectification lists `corrections`: each `field` is a correctable field's name (the `correctableFields` of the connectors " +
      "file, such as `postalAddress`), corrected in every source that maps it, or free text describing anything else. What no source " +
      "corrects becomes a task for staff; the request is completed only once they have said what they corrected.\n\n" +
      "Requests on someone else's behalf (an authorized agent) are not taken here: an `agent` field is refused with 400, naming " +
      "the web form, which takes the permission the person signed (CCPA regs §7063(a)). Agents registered with the Data Rights " +
      "Protocol use `/api/drp/v1/data-rights-request` instead.",
    auth: { kind: "none" },
    body: { schema: createRequestSchema, required: true },
    idempotent: true,
    success: { status: 202, description: "Filed; waiting for the person to confirm the address.", schema: submittedSchema },
    errors: [400, 401, 409, 413, 415, 422, 429],
  },
  verifyRequest: {
    operationId: "verifyRequest",
    method: "post",
    path: "/requests/{reference}/verify",
    tag: "Requests",
    summary: "Prove the email address with the 6-digit code",
    auth: { kind: "none" },
    pathParams: referenceParam,
    body: { schema: verifyCodeSchema, required: true },
    success: { status: 200, description: "Verified.", schema: verifiedSchema },
    errors: [400, 404, 409, 410, 413, 415, 429],
  },
  listRequests: {
    operationId: "listRequests",
    method: "get",
    path: "/requests",
    tag: "Staff",
    summary: "List requests, filtered, sorted and paged",
    description: "The person's email address is masked in the list; read one request for the details.",
    auth: { kind: "apiKey", permission: "requests.read" },
    query: listRequestsQuerySchema,
    success: { status: 200, description: "One page of requests.", schema: requestListSchema },
    errors: [400, 401, 403],
  },
  getRequest: {
    operationId: "getRequest",
    method: "get",
    path: "/requests/{reference}",
    tag: "Staff",
    summary: "One request with its deadline and connector tasks",
    auth: { kind: "apiKey", permission: "requests.read" },
    pathParams: referenceParam,
    success: { status: 200, description: "The request.", schema: requestDetailSchema },
    errors: [401, 403, 404],
  },
  approveRequest: {
    operationId: "approveRequest",
    method: "post",
    path: "/requests/{reference}/approve",
    tag: "Staff",
    summary: "Approve a verified request; its connector tasks start",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: approveBodySchema, required: false },
    idempotent: true,
    success: { status: 200, description: "Approved; fulfilment started.", schema: approveResultSchema },
    errors: actionErrors,
  },
  denyRequest: {
    operationId: "denyRequest",
    method: "post",
    path: "/requests/{reference}/deny",
    tag: "Staff",
    summary: "Deny a request with a reason and a message to the person",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: denyBodySchema, required: true },
    idempotent: true,
    success: {
      status: 200,
      description: "Denied; the person is emailed the decision and their complaint rights.",
      schema: denyResultSchema,
    },
    errors: actionErrors,
  },
  extendDeadline: {
    operationId: "extendDeadline",
    method: "post",
    path: "/requests/{reference}/extend",
    tag: "Staff",
    summary: "Extend the time to answer, with reasons the person is told",
    description: "Refused (422) where the law allows no extension, when the notice comes too late, or beyond the maximum.",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: extendBodySchema, required: true },
    idempotent: true,
    success: { status: 200, description: "Extended; the person is emailed the reasons and the new date.", schema: extendResultSchema },
    errors: actionErrors,
  },
  requestInformation: {
    operationId: "requestInformation",
    method: "post",
    path: "/requests/{reference}/request-information",
    tag: "Staff",
    summary: "Ask the person for clarification or proof of identity",
    description: "Where the law allows it the clock stops until the person answers on their status page.",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: requestInformationBodySchema, required: true },
    idempotent: true,
    success: { status: 200, description: "Asked; the person is emailed.", schema: requestInformationResultSchema },
    errors: actionErrors,
  },
  assignRequest: {
    operationId: "assignRequest",
    method: "post",
    path: "/requests/{reference}/assign",
    tag: "Staff",
    summary: "Assign a request to a staff member, or unassign it",
    auth: { kind: "apiKey", permission: "requests.assign" },
    pathParams: referenceParam,
    body: { schema: assignBodySchema, required: true },
    idempotent: true,
    success: { status: 200, description: "Assigned.", schema: actionResultSchema },
    errors: actionErrors,
  },
  confirmAccountId: {
    operationId: "confirmAccountId",
    method: "post",
    path: "/requests/{reference}/confirm-account-id",
    tag: "Staff",
    summary: "Confirm that the account number the person typed is theirs, or take the confirmation back",
    description:
      "The account number on the form is free text: connectors are given it only once staff confirmed it belongs to the person " +
      "(otherwise they find the person by the verified email alone). Allowed between verification and approval.",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: confirmAccountIdBodySchema, required: false },
    idempotent: true,
    success: { status: 200, description: "Confirmed, or the confirmation taken back.", schema: confirmAccountIdResultSchema },
    errors: actionErrors,
  },
  closeRequest: {
    operationId: "closeRequest",
    method: "post",
    path: "/requests/{reference}/close",
    tag: "Staff",
    summary: "Close a request as fulfilled or partially fulfilled",
    auth: decide,
    pathParams: referenceParam,
    body: { schema: closeBodySchema, required: true },
    idempotent: true,
    success: { status: 200, description: "Closed; the person is told the outcome.", schema: closeResultSchema },
    errors: actionErrors,
  },
  evidenceBundle: {
    operationId: "evidenceBundle",
    method: "get",
    path: "/requests/{reference}/evidence",
    tag: "Staff",
    summary: "The request's signed evidence bundle",
    description: "A ZIP streamed as it is built; each download is recorded in the audit log as the bundle's last event.",
    auth: { kind: "apiKey", permission: "evidence.read" },
    pathParams: referenceParam,
    success: { status: 200, description: "The bundle.", contentTypes: ["application/zip"] },
    // A malformed reference is answered like an unknown one: 404.
    errors: [401, 403, 404],
  },
  reportRegister: {
    operationId: "reportRegister",
    method: "get",
    path: "/reports/register",
    tag: "Reports",
    summary: "The request register of a period, streamed",
    description: "Without dates: the previous calendar year. A period is at most 5 years.",
    auth: { kind: "apiKey", permission: "reports.read" },
    query: z.object(registerQueryFields),
    success: { status: 200, description: "The register as JSON or CSV (format).", contentTypes: ["application/json", "text/csv"] },
    errors: [400, 401, 403],
  },
  reportMetrics: {
    operationId: "reportMetrics",
    method: "get",
    path: "/reports/metrics",
    tag: "Reports",
    summary: "Metrics per right (CCPA §7102) and the share answered on time per jurisdiction",
    description: "Without dates: the previous calendar year. As CSV, `table` chooses one row per right or per jurisdiction.",
    auth: { kind: "apiKey", permission: "reports.read" },
    query: z.object(metricsQueryFields),
    success: { status: 200, description: "The metrics as JSON or CSV (format).", contentTypes: ["application/json", "text/csv"] },
    errors: [400, 401, 403],
  },
  reportProcessing: {
    operationId: "reportProcessing",
    method: "get",
    path: "/reports/processing",
    tag: "Reports",
    summary: "The record of processing activities (GDPR Art. 30), now or at a version, and what changed since a date",
    description:
      "Built from the data map: the controller, one activity per purpose with its sources, categories of data subjects and of " +
      "data, recipients with third countries and safeguards, retention and security measures; and the same map by source. " +
      "Codes come with their words in `lang`. As CSV, one row per source and category (a source with no data map gets one row " +
      "saying so). `since` lists what changed between the version current at the start of that day and the record shown.",
    auth: { kind: "apiKey", permission: "reports.read" },
    query: processingRecordQuerySchema,
    success: { status: 200, description: "The record as JSON or CSV (format).", contentTypes: ["application/json", "text/csv"] },
    errors: [400, 401, 403, 404],
  },
  downloadPackage: {
    operationId: "downloadPackage",
    method: "post",
    path: "/downloads/{token}",
    tag: "Downloads",
    summary: "Download the person's encrypted-at-rest package (the download page's button)",
    description: "A POST so that mail scanners opening the emailed link do not use up the downloads. Only from the portal's own origin.",
    auth: { kind: "none" },
    pathParams: { token: { description: "The token from the emailed link.", pattern: "^[A-Za-z0-9_-]{20,100}$" } },
    success: { status: 200, description: "The package.", contentTypes: ["application/zip"] },
    errors: [403, 404, 410, 429],
  },
  downloadPackageFromStatus: {
    operationId: "downloadPackageFromStatus",
    method: "post",
    path: "/status/{token}/packages/{reference}",
    tag: "Downloads",
    summary: "Download the package of a request from the person's status page",
    description:
      "The status link opens the submission; the package counts against the same limit and expiry as the emailed link. A POST, only from the portal's own origin.",
    auth: { kind: "none" },
    pathParams: {
      token: { description: "The token of the private status link.", pattern: "^[A-Za-z0-9_-]{20,128}$" },
      reference: { description: "The request's reference, e.g. DSR-7K3M-Q9PX.", pattern: "^[A-Za-z0-9-]{1,40}$" },
    },
    success: { status: 200, description: "The package.", contentTypes: ["application/zip"] },
    errors: [403, 404, 410, 429],
  },
  connectorCallback: {
    operationId: "connectorCallback",
    method: "post",
    path: "/connector-callbacks/{taskId}",
    tag: "Connectors",
    summary: "An http connector's system delivers a result it answered 202 to, or an OpenDSR processor a status",
    description:
      "An http connector's system signs like the portal's own calls: X-DSAR-Signature is v1=<hex HMAC-SHA256(secret, \"<timestamp>.<raw body>\")>. " +
      "An `opendsr` processor posts its OpenDSR 2.0 status callback signed with the key of its certificate (X-OpenDSR-Signature), " +
      "checked against the certificate pinned in the connector's configuration.",
    auth: { kind: "signature" },
    pathParams: { taskId: { description: "The taskId the portal sent.", pattern: "^[0-9a-fA-F-]{36}$" } },
    headers: [
      { name: "X-DSAR-Timestamp", description: "http connectors: Unix seconds; refused more than 5 minutes from the portal's clock." },
      { name: "X-DSAR-Signature", description: "http connectors: v1=<hex HMAC-SHA256>." },
      {
        name: "X-OpenDSR-Signature",
        description: "opendsr connectors: base64 SHA-256 signature of the raw body by the processor's certificate key.",
      },
      { name: "X-OpenDSR-Processor-Domain", description: "opendsr connectors: the domain of the processor's certificate." },
    ],
    body: { schema: connectorCallbackBodySchema, required: true },
    success: { status: 200, description: "Recorded (or already recorded).", schema: callbackAcceptedSchema },
    errors: [400, 401, 404, 409, 413],
  },
  health: {
    operationId: "health",
    method: "get",
    path: "/health",
    tag: "System",
    summary: "Whether the database and the queue answer",
    auth: { kind: "none" },
    success: { status: 200, description: "Both answer.", schema: healthSchema },
    errors: [],
    otherResponses: { 503: { description: "One of them does not answer.", schema: healthSchema } },
  },
  evidenceKey: {
    operationId: "evidenceKey",
    method: "get",
    server: "/",
    path: "/.well-known/evidence-key",
    tag: "System",
    summary: "The public key that checks evidence bundles' signatures",
    description: "For `npm run evidence:verify -- FILE.zip --key KEY`.",
    auth: { kind: "none" },
    success: { status: 200, description: "The key.", schema: evidenceKeySchema },
    errors: [],
  },
  gpcSupport: {
    operationId: "gpcSupport",
    method: "get",
    server: "/",
    path: "/.well-known/gpc.json",
    tag: "System",
    summary: "Global Privacy Control support (the GPC specification's well-known resource)",
    description: "The portal's own pages honour `Sec-GPC: 1`: the request form ticks the opt-out and says why.",
    auth: { kind: "none" },
    success: { status: 200, description: "GPC is honoured.", schema: gpcSupportSchema },
    errors: [],
  },
  drpAgentSetup: {
    operationId: "drpAgentSetup",
    method: "post",
    server: "/api/drp",
    path: "/v1/agent/{agentId}",
    tag: "Data Rights Protocol",
    summary: "DRP 2.05 pair-wise key setup: a trusted agent gets its bearer token",
    description:
      "The body is signed by the agent's key (`npm run admin -- add-drp-agent`); its claims are `agent-id` (equal to the path's), " +
      "`business-id` (DRP_BUSINESS_ID), `issued-at`, `expires-at` and `drp.version`. An expired, future, tampered or replayed " +
      "message, an unknown or disabled agent or another business id get 403 with no body, and nothing is stored.",
    auth: { kind: "none" },
    pathParams: { agentId: { description: "The agent's id in the DRP directory.", example: "CR_AA_DRP_ID_001" } },
    body: { schema: drpSignedBodySchema, required: true, contentType: "text/plain" },
    success: { status: 200, description: "The token, shown once (only its hash is stored).", schema: drpTokenSchema },
    errors: [404, 413, 429],
    errorSchema: drpErrorSchema,
    emptyErrors: [403],
  },
  drpAgentInformation: {
    operationId: "drpAgentInformation",
    method: "get",
    server: "/api/drp",
    path: "/v1/agent/{agentId}",
    tag: "Data Rights Protocol",
    summary: "DRP 2.06 agent information: whether the token is valid for this agent",
    auth: { kind: "drpAgent" },
    pathParams: { agentId: { description: "The agent's id in the DRP directory.", example: "CR_AA_DRP_ID_001" } },
    success: { status: 200, description: "The token is this agent's.", schema: drpAgentInformationSchema },
    errors: [403, 404, 429],
    errorSchema: drpErrorSchema,
  },
  drpExercise: {
    operationId: "drpExercise",
    method: "post",
    server: "/api/drp",
    path: "/v1/data-rights-request",
    tag: "Data Rights Protocol",
    summary: "DRP 2.01 exercise: an authorized agent files a right for a person",
    description:
      "Signed claims: the envelope (`agent-id`, `business-id`, `issued-at`, `expires-at`, `agent-request-id`?), `drp.version`, " +
      "`exercise` (access, deletion, sale:opt-out, sensitive:limit), `regime` (ccpa, or absent/voluntary), `status_callback`? and the " +
      "person's `name`, `email`, `phone_number`, `address`. The person confirms the request directly with the business. An expired, " +
      "future, tampered or replayed message gets 403 and nothing is stored. A trailing `/` is accepted.",
    auth: { kind: "drpAgent" },
    body: { schema: drpSignedBodySchema, required: true, contentType: "text/plain" },
    success: { status: 200, description: "Filed: the status object.", schema: drpStatusSchema },
    errors: [400, 403, 404, 413, 429],
    errorSchema: drpErrorSchema,
  },
  drpStatus: {
    operationId: "drpStatus",
    method: "get",
    server: "/api/drp",
    path: "/v1/data-rights-request/{requestId}",
    tag: "Data Rights Protocol",
    summary: "DRP 2.02 status of a request the agent filed",
    auth: { kind: "drpAgent" },
    pathParams: { requestId: { description: "The `request_id` the exercise answered." } },
    success: { status: 200, description: "The status object.", schema: drpStatusSchema },
    errors: [403, 404, 429],
    errorSchema: drpErrorSchema,
  },
  drpRevoke: {
    operationId: "drpRevoke",
    method: "delete",
    server: "/api/drp",
    path: "/v1/data-rights-request/{requestId}",
    tag: "Data Rights Protocol",
    summary: "DRP 2.04 revoke: the request is withdrawn",
    description: 'The body is `{"reason"}` signed by the agent\'s key; it may come with no Content-Type.',
    auth: { kind: "drpAgent" },
    pathParams: { requestId: { description: "The `request_id` the exercise answered." } },
    body: { schema: drpSignedBodySchema, required: true, contentType: "text/plain" },
    success: { status: 200, description: "The status object, `revoked`.", schema: drpStatusSchema },
    errors: [400, 403, 404, 409, 413, 429],
    errorSchema: drpErrorSchema,
  },
  openapi: {
    operationId: "openapi",
    method: "get",
    path: "/openapi.json",
    tag: "System",
    summary: "This document",
    auth: { kind: "none" },
    success: { status: 200, description: "The OpenAPI 3.1 document.", contentTypes: ["application/json"] },
    errors: [],
  },
} as const satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof operations;
