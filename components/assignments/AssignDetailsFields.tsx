"use client";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Textarea } from "@/components/ui/Textarea";
import { MAX_NOTE_LENGTH } from "@/server/schemas/assignment";

/** Today as YYYY-MM-DD in the browser's time zone, the earliest due date the picker offers. */
function todayInputValue(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

/** Optional note and due date, shared by every way of assigning. */
export function AssignDetailsFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      <Field label="Note for your client" optional hint="They'll see it with the reading." error={errors.note}>
        {(p) => <Textarea {...p} name="note" rows={3} maxLength={MAX_NOTE_LENGTH} />}
      </Field>
      <Field label="Suggested date" optional hint="Shown gently, as “Suggested by…”. Never as overdue." error={errors.dueDate}>
        {(p) => <Input {...p} name="dueDate" type="date" min={todayInputValue()} className="sm:max-w-56" />}
      </Field>
    </>
  );
}
