// The queues dashboard of this process: bull-board over every queue the portal has (those named
// in lib/queue/jobs.ts, and one per connector), on whichever backend lib/queue/backend.ts runs.
// Built once; the connector queues are brought up to date on each request, so a connector added
// from the connectors page shows without a restart.
import path from "node:path";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { db } from "@/lib/db.ts";
import { getQueue } from "@/lib/queue/enqueue.ts";
import { connectorQueueName, type QueueName, queueNames } from "@/lib/queue/jobs.ts";
import { FetchAdapter } from "./fetch-adapter.ts";

export const QUEUES_BASE_PATH = "/staff/queues";

const descriptions: Record<string, string> = {
  [queueNames.email]: "Outbox delivery: one job per email",
  [queueNames.maintenance]: "Scheduled sweeps: expiry, redelivery, purges, stalled fulfilment",
  [queueNames.fulfilment]: "Fan-out flows and the finaliser of each approved request",
};

type Board = { adapter: FetchAdapter; replaceQueues: (queues: BullMQAdapter[]) => void; signature: string };

let board: Board | undefined;

function adapterFor(name: QueueName, description: string): BullMQAdapter {
  return new BullMQAdapter(getQueue(name), { description });
}

async function currentQueues(): Promise<{ adapters: BullMQAdapter[]; signature: string }> {
  const connectors = await db().connector.findMany({ select: { key: true, name: true }, orderBy: { key: "asc" } });
  const adapters = [
    ...Object.values(queueNames).map((name) => adapterFor(name, descriptions[name] ?? "")),
    ...connectors.map((connector) => adapterFor(connectorQueueName(connector.key), `Connector tasks: ${connector.name}`)),
  ];
  return { adapters, signature: connectors.map((c) => `${c.key}:${c.name}`).join("\n") };
}

/** The dashboard, with its queue list matching the connectors table. */
export async function queuesBoard(): Promise<FetchAdapter> {
  const { adapters, signature } = await currentQueues();
  if (!board) {
    const adapter = new FetchAdapter(QUEUES_BASE_PATH);
    const { replaceQueues } = createBullBoard({
      queues: adapters,
      serverAdapter: adapter,
      options: {
        // Given explicitly: bull-board otherwise finds its UI with require.resolve, which bundlers rewrite.
        uiBasePath: path.join(process.cwd(), "node_modules", "@bull-board", "ui"),
        uiConfig: {
          boardTitle: "Queues",
          miscLinks: [{ text: "Staff workspace", url: "/staff/requests" }],
          hideDocsLink: true,
        },
      },
    });
    board = { adapter, replaceQueues, signature };
  } else if (board.signature !== signature) {
    board.replaceQueues(adapters);
    board.signature = signature;
  }
  return board.adapter;
}
