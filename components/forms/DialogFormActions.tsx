import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";

/**
 * The bottom of a form in a dialog: the error that belongs to no single field (announced), then
 * Cancel and the submit button — stacked on phones with the main action on top.
 */
export function DialogFormActions({
  error,
  onCancel,
  submitLabel,
  pending,
  disabled,
}: {
  error?: ReactNode;
  onCancel: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      {error ? (
        <Notice tone="error" live>
          {error}
        </Notice>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending} disabled={disabled}>
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
