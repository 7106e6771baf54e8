// The OpenDSR 2.0 documents the portal writes and reads: the request it submits, and the status a
// processor reports (the same fields in a callback and in the answer to GET /requests/{id}).
import { createHash } from "node:crypto";
import { UnrecoverableError } from "bullmq";
import { z } from "zod";
import type { ConnectorContext, LaterAnswer, Subject } from "../connector.ts";
import type { OpendsrConfig } from "./config.ts";

export type OpendsrRequestType = "access" | "portability" | "erasure";

/**
 * The portal's rights as OpenDSR request types. Rectification has none in the specification, nor
 * do the opt-out, limit, restriction and objection rights.
 */
export const opendsrRequestTypes: Record<ConnectorContext["action"], OpendsrRequestType | null> = {
  access: "access",
  portability: "portability",
  erasure: "erasure",
  rectification: null,
  opt_out: null,
  limit_sensitive: null,
  restriction: null,
  objection: null,
};

/**
 * The `subject_request_id` of a task: a lowercase UUID v4 (as the specification requires) derived
 * from the task id, so a retried submission carries the same id and the processor sees a repeat,
 * not a second request.
 */
export function subjectRequestIdFor(taskId: string): string {
  const bytes = createHash("sha256").update(`opendsr subject request ${taskId.toLowerCase()}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export type OpendsrIdentity = { identity_type: string; identity_value: string; identity_format: "raw" | "sha256" };

/**
 * The identities sent: the proven email; the account id (as controller_customer_id) only once
 * confirmed (Subject) and when the config asks for it. Emails are trimmed and lowercased before
 * hashing, so both sides hash the same text. A request that names the person by account id alone
 * can only be sent where the config sends controller_customer_id; otherwise this says plainly that
 * the processor could not find anyone.
 */
export function identitiesFor(config: OpendsrConfig, subject: Subject): OpendsrIdentity[] {
  const encode = (value: string) => (config.identityFormat === "sha256" ? createHash("sha256").update(value).digest("hex") : value);
  const identities: OpendsrIdentity[] = [];
  if (subject.email !== null) {
    identities.push({
      identity_type: "email",
      identity_value: encode(subject.email.trim().toLowerCase()),
      identity_format: config.identityFormat,
    });
  } else if (!config.identityTypes.includes("controller_customer_id")) {
    throw new OpendsrNoIdentityError();
  }
  if (config.identityTypes.includes("controller_customer_id") && subject.accountId) {
    identities.push({
      identity_type: "controller_customer_id",
      identity_value: encode(subject.accountId),
      identity_format: config.identityFormat,
    });
  }
  return identities;
}

export type OpendsrRequestBody = {
  regulation: OpendsrConfig["regulation"];
  subject_request_id: string;
  subject_request_type: OpendsrRequestType;
  submitted_time: string;
  subject_identities: OpendsrIdentity[];
  api_version: string;
  status_callback_urls: string[];
};

const timeText = z.string().max(64);

/** What a processor reports of a request (callback body, status answer). Unknown fields are ignored. */
export const opendsrStatusSchema = z.looseObject({
  controller_id: z.union([z.string(), z.number()]).transform(String),
  subject_request_id: z.string().max(64),
  request_status: z.enum(["pending", "in_progress", "completed", "cancelled"]),
  expected_completion_time: timeText.nullish(),
  status_callback_url: z.string().max(2000).nullish(),
  results_url: z.string().max(4000).nullish(),
  results_count: z.number().int().min(0).nullish(),
  api_version: z.string().max(20).nullish(),
});

export type OpendsrStatus = z.infer<typeof opendsrStatusSchema>;

/** The discovery document (GET /discovery). */
export const opendsrDiscoverySchema = z.looseObject({
  api_version: z.string().max(20),
  supported_identities: z.array(z.looseObject({ identity_type: z.string(), identity_format: z.string() })),
  supported_subject_request_types: z.array(z.string()),
  processor_certificate: z.string().optional(),
});

export type OpendsrDiscovery = z.infer<typeof opendsrDiscoverySchema>;

/** What the discovery document lacks for this config and request type: an empty list when it supports all. */
export function unsupportedBy(discovery: OpendsrDiscovery, config: OpendsrConfig, types: OpendsrRequestType[]): string[] {
  const missing: string[] = [];
  for (const type of types) {
    if (!discovery.supported_subject_request_types.includes(type)) missing.push(`the request type "${type}"`);
  }
  for (const identity of config.identityTypes) {
    const supported = discovery.supported_identities.some(
      (entry) => entry.identity_type === identity && entry.identity_format === config.identityFormat,
    );
    if (!supported) missing.push(`the identity ${identity} in ${config.identityFormat} format`);
  }
  return missing;
}

/**
 * Where a reported status leaves the task. The receipt holds the processor's status, counts and
 * times only: the results address is a link to the person's data and is never kept.
 */
export function answerFor(
  status: OpendsrStatus,
  action: ConnectorContext["action"],
  domain: string,
  via: "callback" | "poll",
): LaterAnswer {
  if (status.request_status === "pending" || status.request_status === "in_progress") return { state: "waiting" };
  if (status.request_status === "cancelled") {
    return { state: "failed", message: `${domain} reports the request cancelled; nothing more will come from it` };
  }
  const receipt: Record<string, unknown> = {
    processor: domain,
    processorStatus: status.request_status,
    subjectRequestId: status.subject_request_id,
    completedAt: new Date().toISOString(),
    ...(status.expected_completion_time ? { expectedCompletionTime: status.expected_completion_time } : {}),
    ...(typeof status.results_count === "number" ? { resultsCount: status.results_count } : {}),
    via,
  };
  if (action === "erasure" && typeof status.results_count === "number") receipt.affected = status.results_count;
  if (action === "access" || action === "portability") {
    // The specification leaves how results reach the person out of its scope; the processor
    // delivers them (its results_url is a link to the person's data, not fetched nor kept here).
    receipt.resultsDelivery = "processor";
    receipt.resultsUrlGiven = Boolean(status.results_url);
  }
  return { state: "done", receipt };
}

/** A request named by account id alone, for a processor the config tells only emails: trying again cannot help. */
export class OpendsrNoIdentityError extends UnrecoverableError {
  constructor() {
    super(
      "This processor is sent the person's email (identityTypes has no controller_customer_id), and this request names the person by account id only: it could not find anyone",
    );
    this.name = "OpendsrNoIdentityError";
  }
}
