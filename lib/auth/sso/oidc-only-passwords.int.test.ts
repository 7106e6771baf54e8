// With OIDC_ONLY=true staff passwords are refused, except a one-time password given by an operator
// (`npm run admin -- reset-password` / create-user): the way back in when the provider is down.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { createStaffUser } from "../create-staff-user.ts";
import { resetStaffPassword } from "../reset-staff-password.ts";
import { SIGN_IN_REFUSED, signInStaff } from "../sign-in-staff.ts";

// Read once, at the first env() call (none happens while this file's imports load).
Object.assign(process.env, {
  OIDC_ISSUER: "https://idp.example.test",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: randomUUID(),
  OIDC_ONLY: "true",
});

const address = () => `fd00::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;

describe("passwords under OIDC_ONLY", () => {
  it("accepts only an operator's one-time password, with the usual answer otherwise", async () => {
    const email = `only-${randomUUID()}@staff.example.test`;
    const { oneTimePassword } = await createStaffUser({ email, role: "admin" });
    await expect(signInStaff({ email, password: oneTimePassword, address: address() })).resolves.toMatchObject({
      token: expect.any(String),
    });

    // Once it is no longer a one-time password (changed at first sign-in), it is refused.
    await db().staffUser.update({ where: { email }, data: { mustChangePassword: false } });
    const refused = await signInStaff({ email, password: oneTimePassword, address: address() }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(SIGN_IN_REFUSED);

    // Break glass: the operator's reset lets the holder in again.
    const reset = await resetStaffPassword({ email });
    await expect(signInStaff({ email, password: reset.oneTimePassword, address: address() })).resolves.toMatchObject({
      token: expect.any(String),
    });
  });
});
