// The queues dashboard of this process: bull-board over every queue the portal has (those named
// in lib/queue/jobs.ts, and one per connector), on whichever backend lib/queue/backend.ts runs.
// Built once per language (bull-board's own words in its locale, ours from staffQueues.board); the
// connector queues are brought up to date on each request, so a connector added from the
// connectors page shows without a restart.
import path from "node:path";
import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { db } from "@/lib/db.ts";
import type { Locale } from "@/lib/i18n/catalogue.ts";
import { translator } from "@/lib/i18n/translator.ts";
import { getQueue } from "@/lib/queue/enqueue.ts";
import { connectorQueueName, type QueueName, queueNames } from "@/lib/queue/jobs.ts";
import { FetchAdapter } from "./fetch-adapter.ts";

export const QUEUES_BASE_PATH = "/staff/queues";

/** bull-board's locales for ours. */
const BOARD_LOCALES: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

/** The board's words in one language: its title, the link back, each queue's description. */
export function boardWords(locale: Locale) {
  const t = translator(locale);
  const descriptions: Record<string, string> = {
    [queueNames.email]: t("staffQueues.board.email"),
    [queueNames.maintenance]: t("staffQueues.board.maintenance"),
    [queueNames.fulfilment]: t("staffQueues.board.fulfilment"),
  };
  return {
    uiConfig: {
      boardTitle: t("staffQueues.board.title"),
      miscLinks: [{ text: t("staffQueues.board.workspace"), url: "/staff/requests" }],
      hideDocsLink: true,
      locale: { lng: BOARD_LOCALES[locale] },
    },
    description: (name: string) => descriptions[name] ?? "",
    connector: (name: string) => t("staffQueues.board.connector", { name }),
  };
}

type Board = { adapter: FetchAdapter; replaceQueues: (queues: BullMQAdapter[]) => void; signature: string };

const boards = new Map<Locale, Board>();

function adapterFor(name: QueueName, description: string): BullMQAdapter {
  return new BullMQAdapter(getQueue(name), { description });
}

async function currentQueues(words: ReturnType<typeof boardWords>): Promise<{ adapters: BullMQAdapter[]; signature: string }> {
  const connectors = await db().connector.findMany({ select: { key: true, name: true }, orderBy: { key: "asc" } });
  const adapters = [
    ...Object.values(queueNames).map((name) => adapterFor(name, words.description(name))),
    ...connectors.map((connector) => adapterFor(connectorQueueName(connector.key), words.connector(connector.name))),
  ];
  return { adapters, signature: connectors.map((c) => `${c.key}:${c.name}`).join("\n") };
}

/** The dashboard in the member's language, with its queue list matching the connectors table. */
export async function queuesBoard(locale: Locale): Promise<FetchAdapter> {
  const words = boardWords(locale);
  const { adapters, signature } = await currentQueues(words);
  const board = boards.get(locale);
  if (!board) {
    const adapter = new FetchAdapter(QUEUES_BASE_PATH);
    const { replaceQueues } = createBullBoard({
      queues: adapters,
      serverAdapter: adapter,
      options: {
        // Given explicitly: bull-board otherwise finds its UI with require.resolve, which bundlers rewrite.
        uiBasePath: path.join(process.cwd(), "node_modules", "@bull-board", "ui"),
        uiConfig: words.uiConfig,
      },
    });
    boards.set(locale, { adapter, replaceQueues, signature });
    return adapter;
  }
  if (board.signature !== signature) {
    board.replaceQueues(adapters);
    board.signature = signature;
  }
  return board.adapter;
}
