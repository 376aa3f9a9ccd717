import { Notice } from "@/components/ui/Notice";
import type { AssignResult } from "@/server/schemas/assignment";
import { FocusedDoneButton } from "./FocusedDoneButton";

const OUTCOME_TEXT: Record<AssignResult["outcome"], string> = {
  assigned: "Assigned",
  already_assigned: "Already assigned — nothing changed",
  unavailable: "Not published, so not assigned",
};

/** What happened for each client and reading, in words: "already assigned" is an answer, not an error. */
export function AssignResultsList({ results }: { results: AssignResult[] }) {
  const assigned = results.filter((r) => r.outcome === "assigned").length;
  const title =
    assigned === results.length
      ? `Assigned ${assigned === 1 ? "1 reading" : `${assigned} readings`}`
      : assigned === 0
        ? "Nothing new to assign"
        : `Assigned ${assigned} of ${results.length}`;
  return (
    <Notice tone={assigned > 0 ? "success" : "info"} title={title} live>
      <ul className="flex flex-col gap-1">
        {results.map((r) => (
          <li key={`${r.clientId}-${r.resourceId}`}>
            <span className="font-medium">{r.clientName}</span> · {r.resourceTitle}: {OUTCOME_TEXT[r.outcome]}
          </li>
        ))}
      </ul>
    </Notice>
  );
}

/** What an assign dialog shows once it has assigned: the results, and "Done" (focused) to close it. */
export function AssignResultsPanel({ results, onDone }: { results: AssignResult[]; onDone: () => void }) {
  return (
    <div className="flex flex-col gap-4">
      <AssignResultsList results={results} />
      <div className="flex justify-end">
        <FocusedDoneButton onClick={onDone} />
      </div>
    </div>
  );
}
