-- Issue 10 quick measurements: 2,000 extra shared resources generated from the seeded library (run after npm run db:seed).
WITH src AS (
  SELECT row_number() OVER (ORDER BY slug) - 1 AS n, * FROM "Resource" WHERE "ownerId" IS NULL AND status = 'PUBLISHED'
), cnt AS (SELECT count(*) AS c FROM src),
gen AS (SELECT g FROM generate_series(1, 2000) g)
INSERT INTO "Resource" (id, slug, title, summary, body, kind, url, "readingMinutes", audience, "contentNote", "contentIntensity", "ownerId", visibility, status, version, "tagText", "publishedAt", "createdAt", "updatedAt")
SELECT 'bench' || g, a.slug || '-x' || g,
  a.title || ' — ' || split_part(b.title, ' ', 1 + (g % 3)) || ' ' || g,
  b.summary || ' ' || a.summary,
  CASE WHEN g % 2 = 0 THEN a.body || E'\n\n' || b.body ELSE b.body || E'\n\n' || a.body END,
  a.kind, a.url, a."readingMinutes" + (g % 5), a.audience, a."contentNote", a."contentIntensity", NULL, 'SHARED', 'PUBLISHED', 1, a."tagText" || ' ' || b."tagText", now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now()
FROM gen, cnt
JOIN src a ON true JOIN src b ON true
WHERE a.n = g % cnt.c AND b.n = (g * 7 + 3) % cnt.c;
INSERT INTO "ResourceTag" ("resourceId", "tagId")
SELECT r.id, rt."tagId" FROM "Resource" r JOIN "Resource" s ON r.slug LIKE s.slug || '-x%' AND s."ownerId" IS NULL AND s.id NOT LIKE 'bench%' JOIN "ResourceTag" rt ON rt."resourceId" = s.id
WHERE r.id LIKE 'bench%' ON CONFLICT DO NOTHING;
ANALYZE;

-- A bench client (password as client@haven.test) with 1,000 assignments benchasg1..benchasg1000 for the progress case.
INSERT INTO "User" (id, email, name, role, status, "passwordHash", "updatedAt")
SELECT 'benchclient', 'bench-client@haven.test', 'Bench Client', 'CLIENT', 'ACTIVE', "passwordHash", now() FROM "User" WHERE email = 'client@haven.test'
ON CONFLICT DO NOTHING;
INSERT INTO "CareRelationship" (id, "therapistId", "clientId") SELECT 'benchcare', id, 'benchclient' FROM "User" WHERE email = 'therapist@haven.test' ON CONFLICT DO NOTHING;
INSERT INTO "Assignment" (id, "therapistId", "clientId", "resourceId", note)
SELECT 'benchasg' || row_number() OVER (ORDER BY r.id), t.id, 'benchclient', r.id, 'Take your time.'
FROM "Resource" r, "User" t WHERE t.email = 'therapist@haven.test' AND r.id LIKE 'bench%' LIMIT 1000
ON CONFLICT DO NOTHING;
ANALYZE;
