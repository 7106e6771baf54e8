// Errors of a source database said without its address or any value: the address is a secret and a
// database's messages may quote data. Only the engine, host, port and the error's code are named.
import { AppError } from "../errors.ts";

export function sourceAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
  } catch {
    return "the address given";
  }
}

/** Why a connection failed, naming the host and the error code only. */
export function connectionError(engine: string, url: string, error: unknown): AppError {
  const where = sourceAddress(url);
  const code = errorCode(error);
  // Each known code: the English message (logs, the command line) and its catalogue key (the staff page).
  const known: Record<string, [string, string]> = {
    ECONNREFUSED: [
      `Cannot connect to ${engine} at ${where}: connection refused. Check the host and port and that the server is running.`,
      "connectionRefused",
    ],
    ENOTFOUND: [`The host of ${where} could not be found. Check its spelling.`, "hostNotFound"],
    EAI_AGAIN: [`The host of ${where} could not be found. Check its spelling.`, "hostNotFound"],
    ETIMEDOUT: [
      `No answer from ${engine} at ${where} in time. Check the address and any firewall between the portal and the database.`,
      "timedOut",
    ],
    "28P01": [`${engine} at ${where} refused the user name or password.`, "badPassword"],
    "28000": [`${engine} at ${where} refused this user (unknown, or not allowed from this host).`, "userRefused"],
    "3D000": [`${engine} at ${where} has no database of that name.`, "noDatabase"],
    ER_ACCESS_DENIED_ERROR: [`${engine} at ${where} refused the user name or password.`, "badPassword"],
    ER_BAD_DB_ERROR: [`${engine} at ${where} has no database of that name.`, "noDatabase"],
    ER_DBACCESS_DENIED_ERROR: [`${engine} at ${where} does not let this user read that database.`, "databaseRefused"],
  };
  const timedOut = /timeout/i.test(error instanceof Error ? error.message : "");
  const [message, key] =
    (timedOut ? known.ETIMEDOUT : known[code]) ??
    (code
      ? [`Cannot connect to ${engine} at ${where} (error ${code}).`, "cannotConnectCode"]
      : [`Cannot connect to ${engine} at ${where}.`, "cannotConnect"]);
  return new AppError("BAD_REQUEST", message, { text: { key: `staffConnectors.errors.${key}`, values: { engine, where, code } } });
}

/** The error's code (SQLSTATE, driver or system code), never its message. */
export function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string") return error.code;
  return "";
}
