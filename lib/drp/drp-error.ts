// The error of the Data Rights Protocol (DRP 3.06): a non-200 code and {"code": "<http code>",
// "message", "fatal"?}. A fatal error tells the agent the request will not go through if sent again.
export class DrpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fatal?: boolean,
  ) {
    super(message);
    this.name = "DrpError";
  }

  body(): { code: string; message: string; fatal?: boolean } {
    return { code: String(this.status), message: this.message, ...(this.fatal === undefined ? {} : { fatal: this.fatal }) };
  }
}
