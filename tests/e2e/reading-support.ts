// Helpers for the reading specs (report queue, offline reading): a client of their own with long
// readings, so nothing here changes the demo accounts other specs rely on.
import crypto from "node:crypto";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, e2eDatabase } from "./fixtures";

type Db = ReturnType<typeof e2eDatabase>;

export async function readerWithReading(db: Db, opts: { readings?: number; paragraphs?: number } = {}) {
  const { hashPassword } = await import("../../server/services/accounts/passwords");
  const tag = crypto.randomBytes(4).toString("hex");
  const therapist = await db.user.findUniqueOrThrow({ where: { email: "therapist@haven.test" } });
  const email = `reader-${tag}@example.test`;
  const client = await db.user.create({ data: { email, name: `Reader ${tag}`, role: "CLIENT", status: "ACTIVE", passwordHash: await hashPassword(DEMO_PASSWORD) } });
  await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
  const body = Array.from({ length: opts.paragraphs ?? 60 }, (_, i) => `Paragraph ${i + 1}. Safe relationships help us feel steady, one small step at a time.`).join("\n\n");
  const assignments = [];
  for (let i = 0; i < (opts.readings ?? 1); i++) {
    const resource = await db.resource.create({
      data: { slug: `e2e-${tag}-${i}`, title: `Steady ground ${tag} ${i + 1}`, summary: "A longer piece.", body, kind: "ARTICLE", readingMinutes: 6, status: "PUBLISHED", visibility: "SHARED" },
    });
    assignments.push(await db.assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id } }));
  }
  return { email, client, assignments, tag };
}

export async function scrollTo(page: Page, fraction: number) {
  await page.evaluate((f) => window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) * f), fraction);
}


/** What this page's origin keeps on the device: Cache Storage entries and Haven's localStorage keys. */
export async function deviceCopies(page: Page) {
  return page.evaluate(async () => {
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) cached.push(new URL(request.url).pathname + new URL(request.url).search);
    }
    const stored = Object.keys(localStorage).filter((k) => k.startsWith("haven:"));
    const workers = (await navigator.serviceWorker.getRegistrations()).length;
    return { cached, stored, workers };
  });
}
