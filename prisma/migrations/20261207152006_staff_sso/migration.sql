-- CreateEnum
CREATE TYPE "StaffSignInMethod" AS ENUM ('PASSWORD', 'SSO');

-- AlterTable
ALTER TABLE "staff_sessions" ADD COLUMN     "identityProviderMfa" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "signInMethod" "StaffSignInMethod" NOT NULL DEFAULT 'PASSWORD';

-- CreateTable
CREATE TABLE "staff_sso_attempts" (
    "id" UUID NOT NULL,
    "stateHash" TEXT NOT NULL,
    "browserHash" TEXT NOT NULL,
    "nonceEncrypted" TEXT NOT NULL,
    "codeVerifierEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),

    CONSTRAINT "staff_sso_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "staff_sso_attempts_stateHash_key" ON "staff_sso_attempts"("stateHash");

-- CreateIndex
CREATE INDEX "staff_sso_attempts_expiresAt_idx" ON "staff_sso_attempts"("expiresAt");
