// Test fixtures write requests with random references (40 bits, as the product draws them). Over the
// thousands of rows a test run writes, two draws can meet on the unique index, and the test would
// fail by chance. An insert wrapped here draws again when its reference was taken, so the outcome
// no longer depends on the draw.
import { Prisma } from "../../lib/generated/prisma/client.ts";

function isReferenceTaken(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes("reference")
  );
}

/** Runs `insert`, which must draw its references inside, again while a reference it drew was already taken. */
export async function withFreshReference<T>(insert: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await insert();
    } catch (error) {
      if (!isReferenceTaken(error)) throw error;
    }
  }
}
