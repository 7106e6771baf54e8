// The deadline-reminder sweep on the seeded million: `sendDeadlineReminders` (settings read, three
// set-based statements through Prisma, the delivery jobs queued on Redis) next to the same
// statements sent through pg. Two cases: the first sweep, when every notice is new (claims, outbox
// rows and jobs for all of them), and the sweep as it runs every few minutes afterwards, when all
// are claimed already and it only finds that out.
import { Redis } from "ioredis";
import type pg from "pg";

type Figures = { p50: number; p95: number };

function figures(list: number[]): Figures {
  const sorted = [...list].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
  return { p50: at(50), p95: at(95) };
}

async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function measureReminderSweep(options: { now: Date; runs: number; firstRuns: number; explain: boolean; pool: pg.Pool }) {
  const { sendDeadlineReminders } = await import("../../lib/reminders/send-deadline-reminders.ts");
  const reminderQueries = await import("../../lib/reminders/reminder-queries.ts");
  const { deadlineReminderQueries } = reminderQueries;
  // Each statement runs in its own transaction, after the setup the module asks for (if any).
  const setup: string | undefined = reminderQueries.REMINDER_TRANSACTION_SETUP;
  const { readReminderSettings } = await import("../../lib/reminders/read-reminder-settings.ts");
  const { EXTENSION_NOTICE_DAYS_BEFORE } = await import("../../lib/reminders/reminder-settings.schema.ts");
  const { closeQueues } = await import("../../lib/queue/enqueue.ts");
  const { closeQueueRuntime } = await import("../../lib/queue/backend.ts");
  const { env } = await import("../../lib/env.ts");
  const { pool, now } = options;

  const settings = await readReminderSettings();
  const queries = deadlineReminderQueries({
    now,
    timeZone: env().CONTROLLER_TIME_ZONE,
    appUrl: env().APP_URL,
    daysBefore: settings.daysBefore,
    extensionNoticeDaysBefore: EXTENSION_NOTICE_DAYS_BEFORE,
    escalateOverdue: settings.escalateOverdue,
  });
  const statements = [queries.due, queries.extensionNotice, queries.overdue].filter((query) => query !== null);
  const floor = async () => {
    const client = await pool.connect();
    try {
      for (const query of statements) {
        await client.query("BEGIN");
        if (setup) await client.query(setup);
        await client.query(query.text, query.values);
        await client.query("COMMIT");
      }
    } finally {
      client.release();
    }
  };
  // Forgets every notice, so the next sweep has all of them to send again.
  const reset = async () => {
    await pool.query(`DELETE FROM email_messages WHERE template LIKE 'staff-%'`);
    await pool.query(`DELETE FROM staff_notifications`);
  };

  if (options.explain) {
    await reset();
    const client = await pool.connect();
    for (const query of statements) {
      await client.query("BEGIN");
      if (setup) await client.query(setup);
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
      await client.query("ROLLBACK");
      console.log(`\n--- reminder statement\n${plan.rows.map((row) => row["QUERY PLAN"]).join("\n")}`);
    }
    client.release();
  }

  const first = { service: [] as number[], floor: [] as number[] };
  let sent = { notices: 0, emails: 0 };
  for (let i = 0; i < options.firstRuns; i++) {
    await reset();
    first.service.push(
      await time(async () => {
        const counts = await sendDeadlineReminders({ now });
        sent = Object.values(counts).reduce(
          (sum, kind) => ({ notices: sum.notices + kind.notices, emails: sum.emails + kind.emails }),
          sent,
        );
      }),
    );
    await reset();
    first.floor.push(await time(floor));
  }
  sent = { notices: sent.notices / options.firstRuns, emails: sent.emails / options.firstRuns };

  // Steady state: everything claimed by the last floor run.
  const again = { service: [] as number[], floor: [] as number[] };
  for (let i = 0; i < options.runs; i++) {
    again.service.push(await time(() => sendDeadlineReminders({ now })));
    again.floor.push(await time(floor));
  }
  await reset();
  await closeQueues();
  await closeQueueRuntime();
  await deleteQueueKeys(env().REDIS_URL, env().QUEUE_PREFIX);

  return [
    {
      view: `reminder sweep, first (${sent.notices.toLocaleString("en")} notices, ${sent.emails.toLocaleString("en")} emails)`,
      runs: options.firstRuns,
      service: figures(first.service),
      floor: figures(first.floor),
    },
    { view: "reminder sweep, again (nothing new)", runs: options.runs, service: figures(again.service), floor: figures(again.floor) },
  ];
}

/** The delivery jobs the service queued: this run's prefix only. */
async function deleteQueueKeys(redisUrl: string | undefined, prefix: string) {
  if (!redisUrl) return;
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
  redis.disconnect();
}
