// What a failed connector task may say outside its own row. A source's error text can quote the
// person (an HTTP answer naming them, PostgreSQL's "Key (email)=(…)" or `invalid input syntax …:
// "<account id>"`): that text is kept on the task row, which staff see and the retention purge
// blanks. The queue store (failed jobs, their stack traces, the events stream) and the logs get
// only the kind of failure: the error's class, an HTTP status, a PostgreSQL SQLSTATE or a system
// error code, and the task's id.
import { UnrecoverableError } from "bullmq";
import { isBullmqControl, type QueueSafe } from "../queue/job-errors.ts";

/** `errorCode`, not `code`: the logger redacts any `code` key (it means a verification code there). */
export type TaskFailureKind = { type: string; status?: number; errorCode?: string };

/** Codes are identifiers (SQLSTATE 23505, ECONNREFUSED, UND_ERR_SOCKET), never free text. */
const codePattern = /^[A-Z0-9_]{2,40}$/;

function ownCode(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && codePattern.test(code) ? code : undefined;
}

/** The class, status and code of a failure, looking through `cause` (fetch and rectify wrap the real error). */
export function taskFailureKind(error: unknown): TaskFailureKind {
  if (!(error instanceof Error)) return { type: typeof error };
  // pg names its DatabaseError "error"; the class name says more.
  const kind: TaskFailureKind = { type: error.name && error.name !== "error" ? error.name : error.constructor.name || "Error" };
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && Number.isInteger(status)) kind.status = status;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = ownCode(current);
    if (code) {
      kind.errorCode = code;
      break;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return kind;
}

/** One line naming the task and the kind of failure, with no text from the source. */
export function taskFailureMessage(taskId: string, error: unknown): string {
  const kind = taskFailureKind(error);
  const details = [kind.status !== undefined ? `status ${kind.status}` : "", kind.errorCode ? `code ${kind.errorCode}` : ""].filter(
    Boolean,
  );
  return `Connector task ${taskId} failed: ${kind.type}${details.length ? ` (${details.join(", ")})` : ""}; the full message is on the task`;
}

/** The error a connector job throws to BullMQ: the safe message, and the task id for the log line. */
export class ConnectorTaskFailure extends Error implements QueueSafe {
  readonly queueSafe = true;
  readonly taskId: string;
  readonly kind: TaskFailureKind;
  constructor(taskId: string, error: unknown) {
    super(taskFailureMessage(taskId, error));
    this.name = "ConnectorTaskFailure";
    this.taskId = taskId;
    this.kind = taskFailureKind(error);
  }
}

/** Same, but BullMQ does not try it again. */
export class UnrecoverableConnectorTaskFailure extends UnrecoverableError implements QueueSafe {
  readonly queueSafe = true;
  readonly taskId: string;
  readonly kind: TaskFailureKind;
  constructor(taskId: string, error: unknown) {
    super(taskFailureMessage(taskId, error));
    this.name = "UnrecoverableError";
    this.taskId = taskId;
    this.kind = taskFailureKind(error);
  }
}

/**
 * What to throw to BullMQ instead of `error`: BullMQ's own control errors pass unchanged (a job
 * moved to delayed or waiting is no failure), an unrecoverable error stays unrecoverable, and
 * every other error becomes a ConnectorTaskFailure.
 */
export function queueSafeError(taskId: string, error: unknown): Error {
  if (isBullmqControl(error)) return error as Error;
  if (error instanceof UnrecoverableError) return new UnrecoverableConnectorTaskFailure(taskId, error);
  return new ConnectorTaskFailure(taskId, error);
}
