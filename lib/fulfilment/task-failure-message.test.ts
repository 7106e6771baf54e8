import { DelayedError, UnrecoverableError, WaitingChildrenError } from "bullmq";
import { describe, expect, it } from "vitest";
import { HttpConnectorError } from "../connectors/http/client.ts";
import { ConnectorTaskFailure, queueSafeError, taskFailureKind, taskFailureMessage } from "./task-failure-message.ts";

const taskId = "7d0c6c57-1c1b-4b1e-9d43-2f2f3f0a0b01";

/** What pg throws: class DatabaseError, named "error", with the SQLSTATE in `code`. */
class DatabaseError extends Error {
  code = "23505";
  constructor(message: string) {
    super(message);
    this.name = "error";
  }
}

describe("what a failed connector task may say outside its row", () => {
  it("an HTTP failure: its class and status, none of the answer", () => {
    const error = new HttpConnectorError('https://crm.example/dsar answered 409: customer "Ana Lopez" is locked', 409);
    expect(taskFailureKind(error)).toEqual({ type: "HttpConnectorError", status: 409 });
    expect(taskFailureMessage(taskId, error)).toBe(
      `Connector task ${taskId} failed: HttpConnectorError (status 409); the full message is on the task`,
    );
  });

  it("a PostgreSQL failure: the class and SQLSTATE, never the quoted value, also when wrapped", () => {
    const raw = new DatabaseError('duplicate key value violates unique constraint "c_email": Key (email)=(ana@example.test)');
    expect(taskFailureKind(raw)).toEqual({ type: "DatabaseError", errorCode: "23505" });
    const wrapped = new Error('Could not correct "name" of table "customers": Ana Lopez', { cause: raw });
    expect(taskFailureMessage(taskId, wrapped)).toBe(
      `Connector task ${taskId} failed: Error (code 23505); the full message is on the task`,
    );
    expect(taskFailureMessage(taskId, wrapped)).not.toMatch(/Ana|example/);
  });

  it("a code that is not an identifier is left out", () => {
    const error = Object.assign(new Error("x"), { code: "Ana Lopez" });
    expect(taskFailureKind(error)).toEqual({ type: "Error" });
    expect(taskFailureKind("a thrown string")).toEqual({ type: "string" });
  });

  it("BullMQ's control errors pass unchanged; an unrecoverable error stays unrecoverable; others become ConnectorTaskFailure", () => {
    const delayed = new DelayedError();
    expect(queueSafeError(taskId, delayed)).toBe(delayed);
    const waiting = new WaitingChildrenError();
    expect(queueSafeError(taskId, waiting)).toBe(waiting);
    const unrecoverable = queueSafeError(taskId, new UnrecoverableError("Request of Ana Lopez has no details"));
    expect(unrecoverable).toBeInstanceOf(UnrecoverableError);
    expect(unrecoverable.name).toBe("UnrecoverableError");
    expect(unrecoverable.message).not.toContain("Ana");
    const failure = queueSafeError(taskId, new HttpConnectorError("answered 500: Ana", 500));
    expect(failure).toBeInstanceOf(ConnectorTaskFailure);
    expect(failure).toMatchObject({ taskId, kind: { type: "HttpConnectorError", status: 500 } });
    expect(failure.stack).not.toContain("Ana");
  });
});
