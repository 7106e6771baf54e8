// What the staff API answers. The mappers (request-views.ts) return these types, the OpenAPI
// document describes them, and the integration tests parse real answers with them.
import { z } from "zod";
import { ConnectorTaskStatus, RequestChannel, RequestOutcome } from "../generated/prisma/enums.ts";
import { requestTypes } from "../requests/request-input.schema.ts";
import { closeOutcomeNames, denialReasonNames, lowerNames, requestStatusNames } from "./staff-api.schema.ts";

const day = z.iso.date().meta({ description: "A calendar day, YYYY-MM-DD, in the controller's time zone." });
const instant = z.iso.datetime().meta({ description: "An instant, ISO 8601 in UTC." });

export const taskProgressSchema = z
  .object({
    total: z.int().min(0),
    succeeded: z.int().min(0),
    failed: z.int().min(0),
    open: z.int().min(0).meta({ description: "Neither succeeded nor failed yet (pending, running, waiting)." }),
  })
  .meta({ id: "TaskProgress" });

export const requestSummarySchema = z
  .object({
    reference: z.string().meta({ examples: ["DSR-7K3M-Q9PX"] }),
    type: z.enum(requestTypes),
    status: z.enum(requestStatusNames),
    jurisdiction: z.string().meta({ examples: ["EU_GDPR", "US_CA"] }),
    channel: z.enum(lowerNames(RequestChannel)),
    email: z
      .string()
      .nullable()
      .meta({
        description: "Masked in lists (first letter and domain); null once the details were purged.",
        examples: ["c***@example.com"],
      }),
    receivedAt: instant,
    dueDate: day,
    daysLeft: z
      .int()
      .nullable()
      .meta({ description: "Days from today (controller's time zone) to the due date; negative when late; null once closed." }),
    assignee: z.string().nullable().meta({ description: "The assigned staff member's email." }),
    tasks: taskProgressSchema,
  })
  .meta({ id: "RequestSummary" });

export const requestListSchema = z
  .object({
    data: z.array(requestSummarySchema),
    page: z.int().min(1),
    pageSize: z.int().min(1),
    total: z.int().min(0).meta({ description: "Rows matching the filters, across all pages." }),
  })
  .meta({ id: "RequestList" });

export const connectorTaskSchema = z
  .object({
    id: z.string(),
    connector: z.string().meta({ description: "The connector's key." }),
    connectorName: z.string(),
    action: z.enum(requestTypes),
    status: z.enum(lowerNames(ConnectorTaskStatus)),
    attempts: z.int().min(0),
    lastError: z.string().nullable(),
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
  })
  .meta({ id: "ConnectorTask" });

export const deadlineSchema = z
  .object({
    dueDate: day,
    acknowledgeBy: day.nullable(),
    extensionNoticeBy: day.nullable().meta({ description: "Last day an extension may be announced; null where the law allows none." }),
    maxExtendedDueDate: day.nullable().meta({ description: "The latest an extension can reach; null where the law allows none." }),
    extended: z.boolean(),
    paused: z.boolean().meta({ description: "The clock is stopped while the person is asked for information." }),
    explanation: z.array(z.string()).meta({ description: "Each step of the computation, with the legal citation." }),
  })
  .meta({ id: "Deadline" });

export const personSchema = z
  .object({
    email: z.string().nullable(),
    fullName: z.string().nullable(),
    accountId: z.string().nullable().meta({ description: "As the person typed it: a hint, given to connectors only once confirmed." }),
    accountIdConfirmedAt: instant.nullable().meta({
      description: "When staff confirmed the account number is the person's; null while it is not confirmed (and not used to find data).",
    }),
    country: z.string(),
    region: z.string().nullable(),
    locale: z.string(),
    details: z.string().nullable(),
    corrections: z.array(z.object({ field: z.string(), correctValue: z.string(), currentValue: z.string().optional() })).nullable(),
  })
  .meta({ id: "Person", description: "In full (the caller has requests.read); fields are null once the details were purged." });

export const requestDetailSchema = requestSummarySchema
  .omit({ email: true, tasks: true })
  .extend({
    person: personSchema,
    verifiedAt: instant.nullable(),
    decidedAt: instant.nullable(),
    closedAt: instant.nullable(),
    outcome: z.enum(lowerNames(RequestOutcome)).nullable(),
    denialReason: z.enum(denialReasonNames).nullable(),
    purgedAt: instant.nullable(),
    deadline: deadlineSchema,
    taskProgress: taskProgressSchema,
    tasks: z.array(connectorTaskSchema),
  })
  .meta({ id: "RequestDetail" });

/** Every action answers with where the request stands afterwards, plus what the action decided. */
export const actionResultSchema = z
  .object({
    reference: z.string(),
    status: z.enum(requestStatusNames),
    dueDate: day,
    assignee: z.string().nullable(),
  })
  .meta({ id: "ActionResult" });

export const approveResultSchema = actionResultSchema
  .extend({ connectorTasks: z.int().min(0).meta({ description: "Tasks created, one per enabled connector for this right." }) })
  .meta({ id: "ApproveResult" });

export const denyResultSchema = actionResultSchema.extend({ denialReason: z.enum(denialReasonNames) }).meta({ id: "DenyResult" });

export const extendResultSchema = actionResultSchema.extend({ previousDueDate: day }).meta({ id: "ExtendResult" });

export const requestInformationResultSchema = actionResultSchema
  .extend({ clockPaused: z.boolean().meta({ description: "Whether this law stops the clock until the answer." }) })
  .meta({ id: "RequestInformationResult" });

export const confirmAccountIdResultSchema = actionResultSchema
  .extend({
    accountIdConfirmed: z.boolean().meta({ description: "Whether connectors will be given the account number." }),
    changed: z.boolean().meta({ description: "False when it already was so." }),
  })
  .meta({ id: "ConfirmAccountIdResult" });

export const closeResultSchema = actionResultSchema.extend({ outcome: z.enum(closeOutcomeNames) }).meta({ id: "CloseResult" });

export const errorBodySchema = z
  .object({
    error: z.looseObject({
      code: z.string().meta({ examples: ["VALIDATION_FAILED", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "INVALID_STATE"] }),
      message: z.string(),
      issues: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .meta({ description: "On 400: each invalid or unknown field, by its path." }),
    }),
  })
  .meta({ id: "Error" });
