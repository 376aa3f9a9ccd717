import { ProgressBar } from "@/components/ui/ProgressBar";
import type { TrackingView } from "@/server/schemas/assignment";
import { LocalTime } from "@/components/ui/LocalTime";

/**
 * The tracking facts for one reading, exactly as recorded. The therapist's client page and the
 * client's "what my therapist sees" panel both use this, so the two can never differ.
 */
export function TrackingDetails({ tracking }: { tracking: TrackingView }) {
  const shared = tracking.sharedReflection;
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-muted">Opened</dt>
          <dd>
            {tracking.firstOpenedAt && tracking.lastOpenedAt ? (
              <>
                First <LocalTime value={tracking.firstOpenedAt} />
                {tracking.openCount > 1 ? (
                  <>
                    , last <LocalTime value={tracking.lastOpenedAt} />
                  </>
                ) : null}{" "}
                · {tracking.openCount === 1 ? "once" : `${tracking.openCount} times`}
              </>
            ) : (
              "Not opened yet"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-muted">Finished</dt>
          <dd>{tracking.completedAt ? <LocalTime value={tracking.completedAt} /> : "Not yet"}</dd>
        </div>
      </dl>
      <ProgressBar label="Read" value={tracking.progress} className="sm:max-w-sm" />
      {shared ? (
        <figure className="flex flex-col gap-1 rounded-lg bg-surface-muted p-3">
          <figcaption className="text-sm text-muted">
            Shared reflection{shared.rating ? ` · rated ${shared.rating} of 5` : ""}
            {shared.sharedAt ? (
              <>
                {" "}
                · <LocalTime value={shared.sharedAt} />
              </>
            ) : null}
          </figcaption>
          {shared.body ? <blockquote className="whitespace-pre-line">{shared.body}</blockquote> : null}
        </figure>
      ) : null}
      {tracking.sharedCheckIn ? (
        <figure className="flex flex-col gap-1 rounded-lg bg-surface-muted p-3">
          <figcaption className="text-sm text-muted">
            Shared check-in after reading · feeling {tracking.sharedCheckIn.feeling} of 10
            {tracking.sharedCheckIn.sharedAt ? (
              <>
                {" "}
                · <LocalTime value={tracking.sharedCheckIn.sharedAt} />
              </>
            ) : null}
          </figcaption>
          {tracking.sharedCheckIn.words ? <blockquote className="whitespace-pre-line">{tracking.sharedCheckIn.words}</blockquote> : null}
        </figure>
      ) : null}
      {tracking.answersShared ? <p className="text-sm">Worksheet answers: shared</p> : null}
    </div>
  );
}
