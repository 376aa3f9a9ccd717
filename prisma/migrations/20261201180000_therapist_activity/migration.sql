-- The therapist home's weekly chart (opens and completions of the last 8 weeks) read every reading
-- event of every assignment the therapist ever made: one index probe per assignment (20,000 for a
-- therapist with 500 clients × 40 readings, ≈ 60 ms at bench size L). A hand-written side table
-- (haven_*: not part of Prisma's model) keeps just those events under the therapist, filled by a
-- trigger that runs only for OPENED / REOPENED / COMPLETED rows (never for the hot PROGRESS path),
-- read by one index-only range scan. Events are never updated; deleting one deletes its copy.
CREATE TABLE "haven_therapist_activity" (
  "eventId" TEXT PRIMARY KEY REFERENCES "ReadingEvent" ("id") ON DELETE CASCADE,
  "therapistId" TEXT NOT NULL,
  "clientId" TEXT NOT NULL,
  "type" "ReadingEventType" NOT NULL,
  "at" TIMESTAMP(3) NOT NULL
);

INSERT INTO "haven_therapist_activity" ("eventId", "therapistId", "clientId", "type", "at")
SELECT e."id", a."therapistId", a."clientId", e."type", e."at"
FROM "ReadingEvent" e JOIN "Assignment" a ON a."id" = e."assignmentId"
WHERE e."type" IN ('OPENED', 'REOPENED', 'COMPLETED');

CREATE INDEX "haven_therapist_activity_week" ON "haven_therapist_activity" ("therapistId", "at") INCLUDE ("type", "clientId");

CREATE FUNCTION haven_therapist_activity_fill() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "haven_therapist_activity" ("eventId", "therapistId", "clientId", "type", "at")
  SELECT NEW."id", a."therapistId", a."clientId", NEW."type", NEW."at" FROM "Assignment" a WHERE a."id" = NEW."assignmentId";
  RETURN NULL;
END $$;

CREATE TRIGGER haven_therapist_activity_fill AFTER INSERT ON "ReadingEvent"
FOR EACH ROW WHEN (NEW."type" IN ('OPENED', 'REOPENED', 'COMPLETED'))
EXECUTE FUNCTION haven_therapist_activity_fill();
