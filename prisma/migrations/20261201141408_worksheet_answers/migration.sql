-- AlterTable
ALTER TABLE "User" ADD COLUMN     "checkInAfterReading" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "WorksheetPromptVersion" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "promptKey" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorksheetPromptVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorksheetResponse" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "sharedWithTherapist" BOOLEAN NOT NULL DEFAULT false,
    "sharedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorksheetResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorksheetAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "promptKey" TEXT NOT NULL,
    "promptVersionId" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "lastKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorksheetAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "feeling" INTEGER NOT NULL,
    "words" TEXT NOT NULL DEFAULT '',
    "sharedWithTherapist" BOOLEAN NOT NULL DEFAULT false,
    "sharedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WorksheetPromptVersion_resourceId_promptKey_hash_key" ON "WorksheetPromptVersion"("resourceId", "promptKey", "hash");

-- CreateIndex
CREATE UNIQUE INDEX "WorksheetResponse_assignmentId_key" ON "WorksheetResponse"("assignmentId");

-- CreateIndex
CREATE INDEX "WorksheetAnswer_promptVersionId_idx" ON "WorksheetAnswer"("promptVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "WorksheetAnswer_responseId_promptKey_key" ON "WorksheetAnswer"("responseId", "promptKey");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_assignmentId_key" ON "CheckIn"("assignmentId");

-- AddForeignKey
ALTER TABLE "WorksheetPromptVersion" ADD CONSTRAINT "WorksheetPromptVersion_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorksheetResponse" ADD CONSTRAINT "WorksheetResponse_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorksheetAnswer" ADD CONSTRAINT "WorksheetAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "WorksheetResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorksheetAnswer" ADD CONSTRAINT "WorksheetAnswer_promptVersionId_fkey" FOREIGN KEY ("promptVersionId") REFERENCES "WorksheetPromptVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
