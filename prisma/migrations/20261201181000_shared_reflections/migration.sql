-- The therapist home's "shared since your last visit" list probed every assignment the therapist
-- ever made for a reflection (20,392 probes for the bench's heavy therapist at L, ≈ 25–40 ms), and
-- PostgreSQL misestimates the care-relationship join too badly to walk recent reflections first.
-- A hand-written side table (haven_*: not part of Prisma's model) keeps every SHARED reflection under
-- its therapist, newest first; a trigger keeps it in step with sharing and un-sharing. It only
-- narrows the candidates: the home still reads the reflections themselves with every condition
-- (shared, active assignment, active care), so a stale row could never show a private reflection.
CREATE TABLE "haven_shared_reflection" (
  "reflectionId" TEXT PRIMARY KEY REFERENCES "Reflection" ("id") ON DELETE CASCADE,
  "assignmentId" TEXT NOT NULL,
  "therapistId" TEXT NOT NULL,
  "clientId" TEXT NOT NULL,
  "sharedAt" TIMESTAMP(3) NOT NULL
);

INSERT INTO "haven_shared_reflection" ("reflectionId", "assignmentId", "therapistId", "clientId", "sharedAt")
SELECT r."id", r."assignmentId", a."therapistId", a."clientId", r."sharedAt"
FROM "Reflection" r JOIN "Assignment" a ON a."id" = r."assignmentId"
WHERE r."sharedWithTherapist" AND r."sharedAt" IS NOT NULL;

CREATE INDEX "haven_shared_reflection_recent" ON "haven_shared_reflection" ("therapistId", "sharedAt" DESC);

CREATE FUNCTION haven_shared_reflection_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."sharedWithTherapist" AND NEW."sharedAt" IS NOT NULL THEN
    INSERT INTO "haven_shared_reflection" ("reflectionId", "assignmentId", "therapistId", "clientId", "sharedAt")
    SELECT NEW."id", NEW."assignmentId", a."therapistId", a."clientId", NEW."sharedAt" FROM "Assignment" a WHERE a."id" = NEW."assignmentId"
    ON CONFLICT ("reflectionId") DO UPDATE SET "sharedAt" = EXCLUDED."sharedAt";
  ELSE
    DELETE FROM "haven_shared_reflection" WHERE "reflectionId" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER haven_shared_reflection_sync AFTER INSERT OR UPDATE OF "sharedWithTherapist", "sharedAt" ON "Reflection"
FOR EACH ROW EXECUTE FUNCTION haven_shared_reflection_sync();
