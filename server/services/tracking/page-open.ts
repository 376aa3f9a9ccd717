import { getDb } from "../../db";
import { recordOpen } from "./events";

// Apart from events.ts on purpose: events.ts takes a db and is bundled into the launcher (the demo
// seed records opens), where the app's database module ("server-only") must not be imported.

/** The reading page's open, on the app's database (pages never hold a Prisma client themselves). */
export function recordPageOpen(input: { assignmentId: string; clientId: string }) {
  return recordOpen(getDb(), input);
}
