-- CreateEnum
CREATE TYPE "ReminderMode" AS ENUM ('OFF', 'NEW_READING', 'WEEKLY');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "quietHoursEnd" INTEGER DEFAULT 480,
ADD COLUMN     "quietHoursStart" INTEGER DEFAULT 1260,
ADD COLUMN     "reminderMode" "ReminderMode" NOT NULL DEFAULT 'NEW_READING',
ADD COLUMN     "timeZone" TEXT,
ADD COLUMN     "weeklyDigest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "announcedAt" TIMESTAMP(3),
ADD COLUMN     "autoRemindedAt" TIMESTAMP(3),
ADD COLUMN     "reminderQueuedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ReminderLog" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderLog_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReminderLog_userId_kind_sentAt_idx" ON "ReminderLog"("userId", "kind", "sentAt");

-- Reminders start from now: readings assigned before this migration count as already announced
-- (no "something new" note about old news), and unopened readings already due get no automatic
-- reminder out of the blue on the first sweep.
UPDATE "Assignment" SET "announcedAt" = CURRENT_TIMESTAMP;
UPDATE "Assignment" SET "autoRemindedAt" = CURRENT_TIMESTAMP
WHERE "active" = true AND "firstOpenedAt" IS NULL AND "dueAt" IS NOT NULL AND "dueAt" < CURRENT_TIMESTAMP + interval '1 day';
