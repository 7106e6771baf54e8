// An authorized agent's status-callback endpoint for DRP tests: keeps each call's JSON body and the
// status it answered, and answers what the test sets (`answerWith`), 200 by default.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type AgentCallbacks = {
  url: string;
  /** The bodies received, in order. */
  received: unknown[];
  /** The status answered to each call, in order. */
  answered: number[];
  answerWith(status: number): void;
  close(): Promise<void>;
};

export async function startAgentCallbacks(): Promise<AgentCallbacks> {
  const received: unknown[] = [];
  const answered: number[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => {
      text += chunk;
    });
    request.on("end", () => {
      received.push(text ? JSON.parse(text) : null);
      answered.push(status);
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/update_status`,
    received,
    answered,
    answerWith: (next) => {
      status = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
