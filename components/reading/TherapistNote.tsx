/** The therapist's note on an assignment, as the client sees it (list and reading view). */
export function TherapistNote({ therapistName, note }: { therapistName: string; note: string }) {
  return (
    <p className="rounded-lg bg-surface-muted p-3">
      <span className="block text-sm text-muted">A note from {therapistName}</span>
      {note}
    </p>
  );
}
