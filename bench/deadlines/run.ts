/**
 * Deadline computations per second over a mix shaped like a real queue: mostly GDPR and CCPA requests,
 * a third of them with clock events. Prints figures only; compare them with BASELINE below.
 */
import { type ClockEvent, computeDeadline, type DeadlineInput } from "../../lib/deadlines/index.ts";

/** First figure recorded for this benchmark (see README.md); a later run far below it is a regression. */
const BASELINE = { opsPerSecond: 85_000, recorded: "first run, 2026-11-23, 2-vCPU Intel Xeon, Node 20.20" };

type Profile = { weight: number; jurisdiction: DeadlineInput["jurisdiction"]; timeZone: string; holidayRegion: string };

const PROFILES: Profile[] = [
  { weight: 22, jurisdiction: "EU_GDPR", timeZone: "Europe/Paris", holidayRegion: "FR" },
  { weight: 12, jurisdiction: "EU_GDPR", timeZone: "Europe/Berlin", holidayRegion: "DE-BY" },
  { weight: 16, jurisdiction: "UK_GDPR", timeZone: "Europe/London", holidayRegion: "GB-ENG" },
  { weight: 18, jurisdiction: "US_CA", timeZone: "America/Los_Angeles", holidayRegion: "US-CA" },
  { weight: 6, jurisdiction: "US_VA", timeZone: "America/New_York", holidayRegion: "US-VA" },
  { weight: 6, jurisdiction: "US_TX", timeZone: "America/Chicago", holidayRegion: "US-TX" },
  { weight: 6, jurisdiction: "CA_QC", timeZone: "America/Toronto", holidayRegion: "CA-QC" },
  { weight: 6, jurisdiction: "CA_PIPEDA", timeZone: "America/Toronto", holidayRegion: "CA-ON" },
  { weight: 4, jurisdiction: "BR_LGPD", timeZone: "America/Sao_Paulo", holidayRegion: "BR" },
  { weight: 4, jurisdiction: "CH_FADP", timeZone: "Europe/Zurich", holidayRegion: "CH-ZH" },
];

const REQUEST_TYPES = ["access", "rectification", "erasure", "portability"] as const;
const SAMPLE_SIZE = 5_000;
const WARM_UP_OPS = 20_000;
const MIN_TIMED_MS = 2_000;
const DAY_MS = 86_400_000;

/** Deterministic so two runs time the same work. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick(random: () => number): Profile {
  const total = PROFILES.reduce((sum, profile) => sum + profile.weight, 0);
  let roll = random() * total;
  for (const profile of PROFILES) {
    roll -= profile.weight;
    if (roll < 0) return profile;
  }
  return PROFILES[0];
}

function eventsFor(profile: Profile, receivedMs: number, random: () => number): ClockEvent[] {
  const at = (days: number) => new Date(receivedMs + days * DAY_MS + 3_600_000).toISOString();
  const roll = random();
  if (roll < 0.2)
    return [
      { type: "pause", at: at(2) },
      { type: "resume", at: at(2 + Math.floor(random() * 10)) },
    ];
  if (roll < 0.25) return [{ type: "pause", at: at(3) }];
  if (roll < 0.32 && profile.jurisdiction !== "CA_QC" && profile.jurisdiction !== "BR_LGPD") {
    return [{ type: "extend", at: at(10), reason: "Many systems hold this person's data." }];
  }
  if (roll < 0.35 && profile.jurisdiction === "UK_GDPR") return [{ type: "restart", at: at(4) }];
  return [];
}

function buildSample(): DeadlineInput[] {
  const random = prng(20_260_131);
  const from = Date.UTC(2024, 0, 1);
  const span = Date.UTC(2027, 11, 31) - from;
  return Array.from({ length: SAMPLE_SIZE }, () => {
    const profile = pick(random);
    const receivedMs = from + Math.floor(random() * span);
    return {
      jurisdiction: profile.jurisdiction,
      requestType: REQUEST_TYPES[Math.floor(random() * REQUEST_TYPES.length)],
      receivedAt: new Date(receivedMs).toISOString(),
      timeZone: profile.timeZone,
      holidayRegion: profile.holidayRegion,
      events: eventsFor(profile, receivedMs, random),
    };
  });
}

function run(): void {
  const sample = buildSample();
  const withEvents = sample.filter((input) => (input.events?.length ?? 0) > 0).length;
  let checksum = 0;
  for (let i = 0; i < WARM_UP_OPS; i += 1) checksum += computeDeadline(sample[i % SAMPLE_SIZE]).dueDate.length;

  let ops = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_TIMED_MS) {
    for (let i = 0; i < SAMPLE_SIZE; i += 1) checksum += computeDeadline(sample[i]).dueDate.length;
    ops += SAMPLE_SIZE;
    elapsed = performance.now() - started;
  }

  const opsPerSecond = Math.round((ops / elapsed) * 1000);
  const mix = PROFILES.map((p) => `${p.jurisdiction}/${p.holidayRegion} ${p.weight}%`).join(", ");
  console.log("deadlines: computeDeadline over a realistic mix");
  console.log(`  mix: ${mix}`);
  console.log(
    `  sample: ${SAMPLE_SIZE} inputs, receipts 2024-2027, ${Math.round((withEvents / SAMPLE_SIZE) * 100)}% with clock events (pause, resume, extend, restart)`,
  );
  console.log(`  warm-up: ${WARM_UP_OPS} ops; timed: ${ops} ops in ${elapsed.toFixed(0)} ms`);
  console.log(`  ${opsPerSecond.toLocaleString("en-US")} ops/s, ${((elapsed * 1000) / ops).toFixed(2)} µs per op`);
  const baseline =
    BASELINE.opsPerSecond > 0
      ? `${BASELINE.opsPerSecond.toLocaleString("en-US")} ops/s (${BASELINE.recorded}); this run is ${(opsPerSecond / BASELINE.opsPerSecond).toFixed(2)}x`
      : BASELINE.recorded;
  console.log(`  baseline: ${baseline}`);
  console.log(`  (checksum ${checksum}, keeps the work from being optimised away)`);
}

run();
