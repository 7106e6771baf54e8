// Where the OSIRAA conformance kit is, and the test agent it signs as. The kit is third-party code kept
// out of this repository: OSIRAA_KIT_DIR says where it is; without it, the shared tools folder beside
// the checkout, then the workplace's own copy, are tried.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const osiraaKitDir =
  process.env.OSIRAA_KIT_DIR ??
  [join(fileURLToPath(new URL("../../..", import.meta.url)), "shared", "tools", "osiraa"), "/work/shared/tools/osiraa"].find((dir) =>
    existsSync(join(dir, "run.sh")),
  ) ??
  "/work/shared/tools/osiraa";

/** OSIRAA's built-in development key, published in its repository: trusted in tests only. */
export const osiraaAgent = { id: "CR_AA_DRP_ID_001_LOCAL", verifyKey: "jkX15E7+NA/0E7K5YAp7+GndMP6/Fa0dJJYyr1GJPoQ=" };

/** A failure at these levels is a DRP 1.0 requirement missed (or a broken run); the others are OSIRAA's advisories. */
export const hardLevels = new Set(["MUST", "SHOULD", "HARNESS"]);
