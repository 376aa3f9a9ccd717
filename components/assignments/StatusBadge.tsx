import { Badge, type BadgeTone } from "@/components/ui/Badge";
import { CLIENT_STATUS_LABEL, THERAPIST_STATUS_LABEL, type ReadingStatus } from "@/server/schemas/assignment";

const TONE: Record<ReadingStatus, BadgeTone> = { NOT_OPENED: "neutral", OPENED: "info", DONE: "success" };

/** Reading status in words; therapists read "Not opened / Opened / Done", clients "New / In progress / Done". */
export function StatusBadge({ status, audience }: { status: ReadingStatus; audience: "therapist" | "client" }) {
  const label = audience === "therapist" ? THERAPIST_STATUS_LABEL[status] : CLIENT_STATUS_LABEL[status];
  return <Badge tone={TONE[status]}>{label}</Badge>;
}
