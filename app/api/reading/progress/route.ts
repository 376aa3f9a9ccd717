import { progressRoute } from "@/server/request/reading-progress";

// POST { assignmentId, progress, key } from the reading view (throttled reports and page hide).
// While the database is unreachable this answers 503 (never 401), so the reader keeps and resends.
export const POST = progressRoute;
