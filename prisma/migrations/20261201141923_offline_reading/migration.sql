-- AlterTable
ALTER TABLE "User" ADD COLUMN     "offlineReading" BOOLEAN NOT NULL DEFAULT false;
