// `npm run db:seed`: demo data, once per database (a second run changes nothing). Requests go
// through the same services as real ones, so their audit chain and deadlines are genuine.
import { writeFileSync } from "node:fs";
import { createStaffUser } from "../lib/auth/create-staff-user.ts";
import { db, disconnectDb, type Tx } from "../lib/db.ts";
import { closeQueueRuntime } from "../lib/queue/backend.ts";
import { closeQueues, enqueueAfterCommit } from "../lib/queue/enqueue.ts";
import { createSubmission } from "../lib/requests/create-submission.ts";
import { markSubmissionVerified } from "../lib/requests/mark-submission-verified.ts";
import type { RequestFormInput } from "../lib/requests/request-input.schema.ts";

const DAY = 86_400_000;
const SEEDED = "demo.seeded";

type DemoRequest = { daysAgo: number; verified: boolean; input: RequestFormInput };

const demoRequests: DemoRequest[] = [
  {
    daysAgo: 27,
    verified: true,
    input: { types: ["access"], email: "camille.durand@example.com", fullName: "Camille Durand", country: "FR", locale: "fr" },
  },
  {
    daysAgo: 40,
    verified: true,
    input: { types: ["erasure"], email: "oliver.smith@example.co.uk", fullName: "Oliver Smith", country: "GB", locale: "en" },
  },
  {
    daysAgo: 12,
    verified: true,
    input: {
      types: ["access", "portability"],
      email: "maria.garcia@example.com",
      fullName: "María García",
      country: "US",
      region: "US-CA",
      locale: "en",
    },
  },
  {
    daysAgo: 3,
    verified: true,
    input: {
      types: ["rectification"],
      email: "jean.tremblay@example.ca",
      fullName: "Jean Tremblay",
      country: "CA",
      region: "CA-QC",
      locale: "fr",
      corrections: [{ field: "Adresse postale", correctValue: "12 rue Saint-Paul, Montréal", currentValue: "12 rue St-Paul, Québec" }],
    },
  },
  {
    daysAgo: 8,
    verified: true,
    input: { types: ["access"], email: "lucas.silva@example.com.br", fullName: "Lucas Silva", country: "BR", locale: "en" },
  },
  {
    daysAgo: 1,
    verified: false,
    input: { types: ["erasure"], email: "anna.schmidt@example.de", fullName: "Anna Schmidt", country: "DE", locale: "en" },
  },
  {
    daysAgo: 0,
    verified: false,
    input: { types: ["access"], email: "noah.johnson@example.com", fullName: "Noah Johnson", country: "US", region: "US-VA", locale: "en" },
  },
];

async function seed() {
  if (await db().setting.findUnique({ where: { key: SEEDED } })) {
    console.log("Demo data is already there.");
    return;
  }
  const firstSignIn: string[] = [];
  for (const role of ["admin", "agent", "auditor"] as const) {
    const email = `${role}@example.com`;
    if (!(await db().staffUser.findUnique({ where: { email } }))) {
      const { oneTimePassword } = await createStaffUser({ email, role });
      console.log(`Staff account ${email} (${role}), one-time password: ${oneTimePassword}`);
      firstSignIn.push(`${email} (${role}): ${oneTimePassword}`);
    }
  }
  // The demo prints them again in its final banner, where the build output cannot bury them.
  const file = process.env.DEMO_FIRST_SIGN_IN_FILE;
  if (file && firstSignIn.length) writeFileSync(file, `${firstSignIn.join("\n")}\n`, { mode: 0o600 });
  for (const demo of demoRequests) {
    const now = new Date(Date.now() - demo.daysAgo * DAY);
    const created = await createSubmission({ input: demo.input, channel: "WEB", now });
    if (demo.verified) {
      const verifiedAt = new Date(now.getTime() + 3_600_000);
      const verified = await db().$transaction(async (tx: Tx) => {
        const challenge = await tx.verificationChallenge.findFirstOrThrow({ where: { submissionId: created.submissionId } });
        const marked = await markSubmissionVerified(tx, challenge.id, created.submissionId, "link", verifiedAt);
        // Seeded as already confirmed: the "confirm your address" email it queued is not sent.
        await tx.emailMessage.deleteMany({
          where: { requestId: { in: created.requests.map((r) => r.id) }, template: "verify-request", status: "PENDING" },
        });
        return marked;
      });
      // The acknowledgement goes out as soon as the workers run, as after a person's own confirmation
      // (not a minute later by the pending-email sweep).
      for (const emailId of verified.emailIds) await enqueueAfterCommit("email.deliver", { emailId }, { jobId: `email-${emailId}` });
    }
    console.log(
      `Filed ${created.requests.map((r) => r.reference).join(", ")} (${demo.input.country}${demo.input.region ? `/${demo.input.region}` : ""}, ${demo.daysAgo === 0 ? "today" : demo.daysAgo === 1 ? "yesterday" : `${demo.daysAgo} days ago`})`,
    );
  }
  await db().setting.create({ data: { key: SEEDED, value: { at: new Date().toISOString() } } });
}

try {
  await seed();
} finally {
  await closeQueues();
  await closeQueueRuntime();
  await disconnectDb();
}
