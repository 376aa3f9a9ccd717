/** Shared look of text-like controls. Invalid state comes from aria-invalid, set by Field. */
export const controlClasses =
  "block w-full min-h-11 rounded-lg border border-border bg-surface px-3 py-2 text-base text-ink " +
  "aria-invalid:border-2 aria-invalid:border-danger " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted disabled:opacity-70 [&[readonly]]:bg-surface-muted";

export const labelClasses = "block font-medium text-ink";
export const hintClasses = "block text-sm text-muted";
export const errorClasses = "block border-l-4 border-danger pl-2 text-sm font-medium text-danger";
