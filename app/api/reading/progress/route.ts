import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { handleProgressReport } from "@/server/services/tracking/progress-report";

// POST { assignmentId, progress, key } from the reading view (throttled reports and page hide).
export async function POST(request: Request) {
  return handleProgressReport(request, await getSessionUser(), getDb());
}
